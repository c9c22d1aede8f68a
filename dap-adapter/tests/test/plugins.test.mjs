// `plugins: true`: the runtime's plugins (here the example insncount bundle from `./rewind --plugins DIR`) observe
// the session and their reports reach the client as console output when the session ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, connect, ELF, ROOT, within } from '../lib/support.mjs';

const JAR = 'dev.rewind.plugin.example.insncount-0.1.0-SNAPSHOT.jar';

test('plugins: true: a plugin from --plugins DIR reports to the debug console', { timeout: 90000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewind-dap-plugins-'));
  fs.copyFileSync(path.join(ROOT, 'bundles/dev.rewind.plugin.example.insncount/target', JAR), path.join(dir, JAR));
  const server = await startServer(['--plugins', dir]);
  const { dc, close } = await connect(server.port);
  try {
    const lines = [];
    let seen;
    const total = new Promise((resolve) => { seen = resolve; });
    dc.on('output', (e) => {
      lines.push(e.body.output);
      if (/^\[insncount\] total: /.test(e.body.output)) seen(e.body);
    });
    const initialized = dc.waitForEvent('initialized', 30000);
    await dc.initializeRequest();
    await within(initialized, 30000, 'initialized');
    await dc.launchRequest({ program: ELF('exit-code-rv32.elf'), history: false, plugins: true });
    const exited = dc.waitForEvent('exited', 30000);
    await dc.configurationDoneRequest();
    assert.equal((await within(exited, 30000, 'exited')).body.exitCode, 7);
    const report = await within(total, 30000, `insncount's report (console so far: ${JSON.stringify(lines)})`);
    assert.equal(report.category, 'console');
    const count = Number(/total: ([\d,]+) instructions/.exec(report.output)[1].replace(/,/g, ''));
    assert.ok(count > 0, `instructions counted: ${report.output}`);
    assert.ok(lines.some((l) => /^\[insncount\] hart 0: /.test(l)), 'per-hart line');
  } finally {
    await close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
