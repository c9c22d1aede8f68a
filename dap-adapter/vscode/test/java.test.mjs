// The Java finder: setting first, then JAVA_HOME, then PATH; too old a Java is passed over; none -> what to install.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const { findJava, featureOf, versionFromText } = createRequire(import.meta.url)('../src/java.js');

function fakeHome(root, name, version) {
  const home = join(root, name);
  mkdirSync(join(home, 'bin'), { recursive: true });
  writeFileSync(join(home, 'bin', 'java'), '#!/bin/sh\nexit 1\n');
  chmodSync(join(home, 'bin', 'java'), 0o755);
  writeFileSync(join(home, 'release'), `IMPLEMENTOR="x"\nJAVA_VERSION="${version}"\n`);
  return home;
}

test('versions from release files and -version text', { timeout: 10000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'rewind-java-'));
  try {
    assert.equal(featureOf(fakeHome(root, 'j21', '21.0.4')), 21);
    assert.equal(featureOf(fakeHome(root, 'j8', '1.8.0_392')), 8);
    assert.equal(featureOf(join(root, 'nothing')), 0);
    assert.equal(versionFromText('openjdk version "25" 2025-09-16'), 25);
    assert.equal(versionFromText('garbage'), 0);
  } finally { rmSync(root, { recursive: true, force: true }); }
});

test('the setting wins, then JAVA_HOME; an old Java is passed over', { timeout: 10000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'rewind-java-'));
  try {
    const j17 = fakeHome(root, 'j17', '17.0.2');
    const j21 = fakeHome(root, 'j21', '21.0.4');
    const j25 = fakeHome(root, 'j25', '25');
    assert.equal(findJava(j25, { JAVA_HOME: j21, PATH: '' }).home, j25);
    const viaEnv = findJava('', { JAVA_HOME: j21, PATH: '' });
    assert.equal(viaEnv.home, j21);
    assert.equal(viaEnv.source, 'JAVA_HOME');
    assert.equal(findJava(j17, { JAVA_HOME: j21, PATH: '' }).home, j21);
    assert.equal(findJava('', { PATH: join(j21, 'bin') }).source, 'java on the PATH');
  } finally { rmSync(root, { recursive: true, force: true }); }
});

test('no Java 21+: the message says what was found and what to install', { timeout: 10000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'rewind-java-'));
  try {
    const j17 = fakeHome(root, 'j17', '17.0.2');
    assert.throws(() => findJava(join(root, 'missing'), { JAVA_HOME: j17, PATH: '' }, () => []), (e) => {
      assert.match(e.message, /needs Java 21 or newer/);
      assert.match(e.message, /Java 17 \(JAVA_HOME/);
      assert.match(e.message, /no Java in .*missing/);
      assert.match(e.message, /rewind\.java\.home/);
      return true;
    });
    assert.equal(findJava('', { PATH: '' }, () => [root + '/x', j17, fakeHome(root, 'j22', '22.0.1')]).feature, 22);
  } finally { rmSync(root, { recursive: true, force: true }); }
});
