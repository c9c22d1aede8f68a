'use strict';
// Finds a Java 21+ runtime for the debug adapter: the rewind.java.home setting, then JAVA_HOME,
// then `java` on the PATH, then the usual install folders. Pure node (no vscode import): unit-testable.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const MIN_FEATURE = 21;
const EXE = process.platform === 'win32' ? 'java.exe' : 'java';

/** The feature version (21, 25, ...) of a Java home, from its `release` file, else by running it; 0 when unknown. */
function featureOf(home) {
  const bin = path.join(home, 'bin', EXE);
  if (!fs.existsSync(bin)) return 0;
  try {
    const release = fs.readFileSync(path.join(home, 'release'), 'utf8');
    const m = /^JAVA_VERSION="(\d+)(?:\.(\d+))?/m.exec(release);
    if (m) return m[1] === '1' ? Number(m[2]) : Number(m[1]);
  } catch (e) {
    if (e.code !== 'ENOENT') throw new Error(`cannot read ${home}/release: ${e.message}`, { cause: e });
  }
  try {
    const out = execFileSync(bin, ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10000 });
    return versionFromText(out);
  } catch (e) {
    return versionFromText(String(e.stderr || ''));
  }
}

function versionFromText(text) {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) return 0;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

/** The Java home behind the first `java` on the PATH (symlinks resolved), or undefined. */
function homeOnPath(env) {
  for (const dir of (env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const bin = path.join(dir, EXE);
    if (fs.existsSync(bin)) return path.dirname(path.dirname(fs.realpathSync(bin)));
  }
  return undefined;
}

/** Java homes in the usual install folders, newest-looking names first. */
function usualHomes() {
  const roots = {
    linux: ['/usr/lib/jvm', '/usr/java', '/opt/java', '/opt'],
    darwin: ['/Library/Java/JavaVirtualMachines'],
    win32: ['C:\\Program Files\\Java', 'C:\\Program Files\\Eclipse Adoptium', 'C:\\Program Files\\Microsoft'],
  }[process.platform] || ['/usr/lib/jvm'];
  const homes = [];
  for (const root of roots) {
    let names;
    try { names = fs.readdirSync(root); } catch { continue; }
    for (const name of names.sort().reverse()) {
      const home = path.join(root, name);
      homes.push(process.platform === 'darwin' ? path.join(home, 'Contents', 'Home') : home);
    }
  }
  return homes;
}

/**
 * The Java to run the adapter: {java, home, feature, source}. Throws an Error whose message says what to
 * install when none of the candidates is Java 21+.
 */
function findJava(setting, env = process.env, usual = usualHomes) {
  const candidates = [];
  if (setting) candidates.push({ home: setting, source: 'the rewind.java.home setting' });
  if (env.JAVA_HOME) candidates.push({ home: env.JAVA_HOME, source: 'JAVA_HOME' });
  const onPath = homeOnPath(env);
  if (onPath) candidates.push({ home: onPath, source: 'java on the PATH' });
  for (const home of usual()) candidates.push({ home, source: home });
  const seen = [];
  for (const c of candidates) {
    const feature = featureOf(c.home);
    if (feature >= MIN_FEATURE) return { java: path.join(c.home, 'bin', EXE), home: c.home, feature, source: c.source };
    if (feature > 0) seen.push(`Java ${feature} (${c.source}: ${c.home})`);
    else if (c.source === 'the rewind.java.home setting') seen.push(`no Java in ${c.home} (the rewind.java.home setting)`);
  }
  const found = seen.length ? ` Found only: ${seen.join('; ')}.` : ' No Java was found.';
  throw new Error(`Rewind's debug adapter needs Java ${MIN_FEATURE} or newer.${found} ` +
    `Install a JDK or JRE ${MIN_FEATURE}+ (for example Eclipse Temurin 21: https://adoptium.net, or ` +
    `"apt install openjdk-21-jre-headless"), then set "rewind.java.home" to its folder or JAVA_HOME.`);
}

module.exports = { findJava, featureOf, versionFromText, MIN_FEATURE };
