// The adapter's class-data archive options: folder made, a broken archive removed, a real one kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const { cdsOptions, looksLikeArchive } = createRequire(import.meta.url)('../src/cds.js');

test('archive options: folder made, broken archive removed, real one kept, old Java none', { timeout: 10000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'rewind-cds-'));
  try {
    const dir = join(root, 'storage');
    const opts = cdsOptions(dir, 25);
    const archive = join(dir, 'rewind-dap-java25.jsa');
    assert.ok(existsSync(dir));
    assert.ok(opts.includes('-XX:+AutoCreateSharedArchive'));
    assert.ok(opts.includes(`-XX:SharedArchiveFile=${archive}`));
    assert.ok(opts.indexOf('-Xlog:disable') < opts.indexOf('-Xlog:all=warning:stderr'), 'warnings to stderr, not stdout');
    writeFileSync(archive, Buffer.alloc(64)); // a writer killed before the header: zeros
    cdsOptions(dir, 25);
    assert.equal(existsSync(archive), false);
    const real = Buffer.alloc(64);
    real.writeUInt32LE(0xf00baba8, 0);
    writeFileSync(archive, real);
    assert.ok(looksLikeArchive(archive));
    cdsOptions(dir, 25);
    assert.ok(existsSync(archive));
    assert.deepEqual(cdsOptions(dir, 17), []);
    assert.deepEqual(cdsOptions(undefined, 25), []);
  } finally { rmSync(root, { recursive: true, force: true }); }
});
