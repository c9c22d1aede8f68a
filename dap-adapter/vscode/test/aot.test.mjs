// The adapter's start options: C1 alone, the AOT cache used when fresh, written in the background when missing or
// stale (one writer at a time, renamed into place only after success), none for Java < 25 or when turned off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const { startOptions, writeCache, cacheFile } = createRequire(import.meta.url)('../src/aot.js');

function fixture() {
  const root = mkdtempSync(join(tmpdir(), 'rewind-aot-'));
  const home = join(root, 'jdk');
  mkdirSync(join(home, 'lib'), { recursive: true });
  mkdirSync(join(home, 'bin'));
  writeFileSync(join(home, 'lib', 'modules'), 'm');
  const jar = join(root, 'rewind.jar');
  writeFileSync(jar, 'j');
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(home, 'lib', 'modules'), past, past);
  utimesSync(jar, past, past);
  return { root, home, jar, storage: join(root, 'storage'), java: { java: join(home, 'bin', 'java'), home, feature: 25 } };
}

test('start options: C1, cache used when fresh, written when missing or stale, none when off', { timeout: 10000 }, () => {
  const f = fixture();
  try {
    const writes = [];
    const write = (...a) => writes.push(a);
    const opts = startOptions({ java: f.java, jar: f.jar, storageDir: f.storage, env: {}, write });
    assert.ok(opts.includes('-XX:TieredStopAtLevel=1'));
    assert.ok(opts.indexOf('-Xlog:disable') < opts.indexOf('-Xlog:all=warning:stderr'), 'warnings to stderr, not stdout');
    assert.ok(!opts.some((o) => o.startsWith('-XX:AOTCache=')), 'no cache yet');
    assert.equal(writes.length, 1);
    const cache = cacheFile(f.storage, f.java.java, f.jar);
    assert.equal(writes[0][2], cache);
    writeFileSync(cache, 'c');
    assert.ok(startOptions({ java: f.java, jar: f.jar, storageDir: f.storage, env: {}, write }).includes(`-XX:AOTCache=${cache}`));
    assert.equal(writes.length, 1, 'a fresh cache is not written again');
    writeFileSync(f.jar, 'j2'); // a rebuilt runtime: the cache is stale
    utimesSync(f.jar, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    assert.ok(!startOptions({ java: f.java, jar: f.jar, storageDir: f.storage, env: {}, write }).some((o) => o.includes('AOTCache')));
    assert.equal(writes.length, 2);
    const off = startOptions({ java: f.java, jar: f.jar, storageDir: f.storage, env: { REWIND_AOT: '0', REWIND_DAP_C1: '0' }, write });
    assert.deepEqual(off, ['-Xlog:disable', '-Xlog:all=warning:stderr']);
    assert.ok(!startOptions({ java: { ...f.java, feature: 21 }, jar: f.jar, storageDir: f.storage, env: {}, write })
      .some((o) => o.includes('AOT')));
    assert.equal(writes.length, 2, 'neither turned off nor Java 21 writes a cache');
  } finally { rmSync(f.root, { recursive: true, force: true }); }
});

test('the writer: one at a time, the training output renamed into place, lock and temporary files removed',
  { timeout: 20000 }, async () => {
    const f = fixture();
    try {
      // a stand-in for java: writes the file named by -XX:AOTCacheOutput= and records its arguments
      writeFileSync(f.java.java, '#!/bin/sh\nfor a in "$@"; do case "$a" in -XX:AOTCacheOutput=*) '
        + 'printf cache > "${a#-XX:AOTCacheOutput=}";; esac; done\necho "$@" > "$(dirname "$0")/args"\n');
      chmodSync(f.java.java, 0o755);
      mkdirSync(f.storage);
      const cache = cacheFile(f.storage, f.java.java, f.jar);
      const child = writeCache(f.java, f.jar, cache, f.storage);
      assert.ok(child, 'the first writer takes the lock');
      assert.equal(writeCache(f.java, f.jar, cache, f.storage), undefined, 'a second writer does not start');
      child.ref(); // the writer does not keep an editor alive; the test waits for it
      await new Promise((resolve) => child.on('exit', () => setImmediate(resolve)));
      assert.equal(readFileSync(cache, 'utf8'), 'cache');
      assert.equal(existsSync(`${cache}.lock`), false);
      assert.equal(existsSync(`${cache}.${process.pid}.tmp`), false);
      const args = readFileSync(join(f.home, 'bin', 'args'), 'utf8');
      assert.match(args, /-jar \S*rewind\.jar --plugins \S*no-plugins dap --train/);
      assert.match(args, /^--sun-misc-unsafe-memory-access=allow -Xlog:disable -Xlog:all=warning:stderr/);
    } finally { rmSync(f.root, { recursive: true, force: true }); }
  });
