// Starts code-server (VS Code 1.100 in the browser, from npm) on 127.0.0.1 with private user-data and
// extensions folders, in its own process group (setsid) so that stop() ends it and every child it started.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

const BIN = new URL('../node_modules/code-server/out/node/entry.js', import.meta.url).pathname;

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function commonArgs(dir) {
  return ['--user-data-dir', join(dir, 'user-data'), '--extensions-dir', join(dir, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'];
}

/** code-server --install-extension VSIX into the private extensions folder (bounded: 120 s). */
export function installExtension(dir, vsix) {
  return execFileSync(process.execPath, [BIN, ...commonArgs(dir), '--install-extension', vsix],
    { encoding: 'utf8', timeout: 120000, env: { ...process.env, HOME: join(dir, 'home') } });
}

/** Starts code-server on a free port; resolves when it answers HTTP (bounded). */
export async function startCodeServer(dir, env = {}) {
  mkdirSync(join(dir, 'home'), { recursive: true });
  const port = await freePort();
  const log = openSync(join(dir, 'code-server.log'), 'a');
  const child = spawn('setsid', [process.execPath, BIN, ...commonArgs(dir), '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`, '--ignore-last-opened'],
  { stdio: ['ignore', log, log], env: { ...process.env, HOME: join(dir, 'home'), ...env }, detached: false });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${dir}/code-server.log`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { stopGroup(child); throw new Error(`code-server did not answer on ${url} within 60 s`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, child, stop: () => stopGroup(child) };
}

/** Ends the process group of a setsid child (code-server, its extension host, the debug adapter's java). */
export function stopGroup(child) {
  if (!child || !child.pid) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch (e) {
    if (e.code !== 'ESRCH') throw e;
    return;
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    try { process.kill(-child.pid, 0); } catch { return; }
    execFileSync('sleep', ['0.1']);
  }
  try { process.kill(-child.pid, 'SIGKILL'); } catch (e) { if (e.code !== 'ESRCH') throw e; }
}

/**
 * Writes the installed extension's AOT cache of the adapter's JVM as the extension does after its first start (its own
 * java.js and aot.js, the same Java), and waits for it: the adapter of the next session starts from it, as a user's
 * second session does. Returns the cache file, or undefined when the Java is older than 25 (no cache).
 */
export async function writeAdapterCache(dir, javaHome) {
  const ext = join(dir, 'extensions', readdirSync(join(dir, 'extensions')).find((d) => d.startsWith('rewind.rewind-debug-')));
  const require = createRequire(import.meta.url);
  const { findJava } = require(join(ext, 'src', 'java.js'));
  const { writeCache, cacheFile } = require(join(ext, 'src', 'aot.js'));
  const java = findJava(javaHome);
  if (java.feature < 25) return undefined;
  const storage = join(dir, 'user-data', 'User', 'globalStorage', 'rewind.rewind-debug');
  mkdirSync(storage, { recursive: true });
  const jar = join(ext, 'adapter', 'rewind.jar');
  const cache = cacheFile(storage, java.java, jar);
  const child = writeCache(java, jar, cache, storage);
  child.ref(); // the extension lets it run on its own; here the test waits for it
  await new Promise((resolve) => child.on('exit', resolve));
  if (!existsSync(cache)) throw new Error(`no AOT cache written at ${cache}`);
  return cache;
}
