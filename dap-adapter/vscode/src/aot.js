'use strict';
// JVM options for a quick adapter start (F5), as ./rewind gives `rewind dap` (releng/scripts/jvmopts.sh): HotSpot's
// C1 alone (REWIND_DAP_C1=0: tiered), and on Java 25+ an AOT cache (JEP 483/514/515) of the JDK's and rewind.jar's
// classes in the extension's global storage (REWIND_AOT=0: none). A cache that is missing or older than the jar or
// the JDK is written by a background JVM (a training run: `rewind.jar dap --train`, one DAP session on the bundled
// demo, ~4 s of CPU, at low priority; the extension starts it when the session that found the cache missing ends, so
// it never competes with that session's steps) and used from the next start on; a cache the JVM cannot use is ignored (it starts without it). JVM messages go to
// standard error, never into the DAP stream. Pure node (no vscode import): unit-testable.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { spawn } = require('child_process');

const STALE_LOCK_MS = 10 * 60 * 1000;

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The cache file for this Java and jar (one per pair: a cache only fits the JVM and class path it was made with). */
function cacheFile(storageDir, javaExe, jar) {
  const id = crypto.createHash('sha1').update(`${javaExe}\0${jar}`).digest('hex').slice(0, 12);
  return path.join(storageDir, `rewind-dap-${id}.aot`);
}

/** True when the cache exists and is newer than the jar and the JDK's class library. */
function fresh(cache, jar, javaHome) {
  const c = mtime(cache);
  const modules = mtime(path.join(javaHome, 'lib', 'modules'));
  return c !== undefined && c > (mtime(jar) ?? Infinity) && (modules === undefined || c > modules);
}

/**
 * Writes the cache in the background: one writer at a time (a lock folder; one left by a killed writer is taken
 * over after 10 minutes), into a temporary file renamed into place only when the JVM succeeded and the jar did not
 * change meanwhile. Returns the child process, or undefined when another writer holds the lock.
 */
function writeCache(java, jar, cache, storageDir) {
  const lock = `${cache}.lock`;
  const lockTime = mtime(lock);
  if (lockTime !== undefined && Date.now() - lockTime > STALE_LOCK_MS) {
    // a writer whose editor closed before it ended: its lock and temporary files go
    fs.rmSync(lock, { recursive: true, force: true });
    const base = path.basename(cache);
    for (const f of fs.readdirSync(storageDir)) {
      if (f.startsWith(`${base}.`) && /\.tmp(\.config)?$/.test(f)) fs.rmSync(path.join(storageDir, f), { force: true });
    }
  }
  try {
    fs.mkdirSync(lock);
  } catch {
    return undefined;
  }
  const tmp = `${cache}.${process.pid}.tmp`;
  const jar0 = mtime(jar);
  const args = ['-Xlog:disable', '-Xlog:all=warning:stderr', `-XX:AOTCacheOutput=${tmp}`, '-jar', jar,
    '--plugins', path.join(storageDir, 'no-plugins'), 'dap', '--train'];
  if (java.feature >= 24) args.unshift('--sun-misc-unsafe-memory-access=allow');
  const nice = process.platform !== 'win32' && fs.existsSync('/usr/bin/nice');
  // not detached: it stays in the editor's process group, so whoever ends the editor's group (the e2e test) ends it
  // too; a writer ended early leaves its lock, taken over 10 minutes later
  // the training session's messages stay out of a DAP trace the editor's adapters write (REWIND_DAP_TRACE)
  const options = { stdio: 'ignore', env: { ...process.env, REWIND_DAP_TRACE: '' } };
  const child = nice ? spawn('/usr/bin/nice', ['-n', '10', java.java, ...args], options) : spawn(java.java, args, options);
  const done = (ok) => {
    try {
      if (ok && (mtime(tmp) !== undefined) && fs.statSync(tmp).size > 0 && mtime(jar) === jar0) fs.renameSync(tmp, cache);
    } finally {
      fs.rmSync(tmp, { force: true });
      fs.rmSync(`${tmp}.config`, { force: true });
      fs.rmSync(lock, { recursive: true, force: true });
    }
  };
  const timer = setTimeout(() => child.kill('SIGKILL'), 5 * 60 * 1000);
  timer.unref();
  child.on('error', () => { clearTimeout(timer); done(false); });
  child.on('exit', (code) => { clearTimeout(timer); done(code === 0); });
  child.unref();
  return child;
}

/**
 * The options for one adapter start. java: {java, home, feature} (java.js); jar: the runtime's rewind.jar;
 * storageDir: where the cache lives (undefined: no cache). write is the cache writer (tests pass their own).
 */
function startOptions({ java, jar, storageDir, env = process.env, write = writeCache }) {
  const opts = ['-Xlog:disable', '-Xlog:all=warning:stderr'];
  if (env.REWIND_DAP_C1 !== '0') opts.push('-XX:TieredStopAtLevel=1');
  if (java.feature < 25 || env.REWIND_AOT === '0' || env.REWIND_DAP_CDS === '1' || !storageDir) return opts;
  try {
    fs.mkdirSync(storageDir, { recursive: true });
  } catch {
    return opts;
  }
  const cache = cacheFile(storageDir, java.java, jar);
  if (fresh(cache, jar, java.home)) opts.push(`-XX:AOTCache=${cache}`);
  else write(java, jar, cache, storageDir);
  return opts;
}

module.exports = { startOptions, writeCache, cacheFile };
