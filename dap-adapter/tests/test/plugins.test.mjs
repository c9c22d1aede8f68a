// `plugins: true`: the runtime's plugins (here the example insncount bundle from `./rewind --plugins DIR`) observe
// the session and their reports reach the client as console output when the session ends: at the guest's exit
// without history (before exited/terminated), and with history when the client disconnects or terminates (before
// the response, so before the adapter may close the connection).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, connect, ELF, ROOT, within } from '../lib/support.mjs';

const JAR = 'dev.rewind.plugin.example.insncount-0.1.0-SNAPSHOT.jar';

/** A server with insncount in its --plugins DIR, a client launched on exit-code-rv32.elf with `plugins: true`. */
async function session(t, launch, body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewind-dap-plugins-'));
  fs.copyFileSync(path.join(ROOT, 'bundles/dev.rewind.plugin.example.insncount/target', JAR), path.join(dir, JAR));
  const server = await startServer(['--plugins', dir]);
  const { dc, close } = await connect(server.port);
  try {
    const lines = [];
    dc.on('output', (e) => lines.push(e.body.output));
    const initialized = dc.waitForEvent('initialized', 30000);
    await dc.initializeRequest();
    await within(initialized, 30000, 'initialized');
    await dc.launchRequest({ program: ELF('exit-code-rv32.elf'), plugins: true, ...launch });
    await body(dc, lines, () => `console: ${JSON.stringify(lines)}; server stderr: ${server.stderr()}`, server);
  } finally {
    await close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function assertReport(lines, what) {
  const total = lines.find((l) => /^\[insncount\] total: /.test(l));
  assert.ok(total, `insncount's total (${what()})`);
  const count = Number(/total: ([\d,]+) instructions/.exec(total)[1].replace(/,/g, ''));
  assert.ok(count > 0, `instructions counted: ${total}`);
  assert.ok(lines.some((l) => /^\[insncount\] hart 0: /.test(l)), `per-hart line (${what()})`);
}

test('plugins: true: a plugin from --plugins DIR reports to the debug console', { timeout: 90000 }, async (t) => {
  await session(t, { history: false }, async (dc, lines, what) => {
    const outputs = [];
    dc.on('output', (e) => outputs.push(e.body));
    const exited = dc.waitForEvent('exited', 30000);
    const terminated = dc.waitForEvent('terminated', 30000);
    await dc.configurationDoneRequest();
    assert.equal((await within(exited, 30000, 'exited')).body.exitCode, 7);
    assertReport(lines, what); // before exited: the guest's exit without history ends the session
    assert.ok(outputs.filter((o) => o.output.startsWith('[insncount]')).every((o) => o.category === 'console'));
    await within(terminated, 30000, 'terminated');
  });
});

for (const how of ['disconnect', 'terminate']) {
  test(`plugins: true with history: the report reaches the client on ${how} after the guest's exit`,
    { timeout: 90000 }, async (t) => {
      await session(t, {}, async (dc, lines, what) => {
        const stopped = dc.waitForEvent('stopped', 30000);
        await dc.configurationDoneRequest();
        assert.equal((await within(stopped, 30000, 'stopped')).body.reason, 'exited');
        assert.ok(!lines.some((l) => l.startsWith('[insncount]')), `no report while the session lives (${what()})`);
        if (how === 'disconnect') {
          await within(dc.disconnectRequest({}), 30000, 'disconnect');
        } else {
          await within(dc.terminateRequest({}), 30000, 'terminate');
        }
        assertReport(lines, what); // with the response at the latest
      });
    });
}

test('plugins: true: a client attached to the session hears the report when it ends the session', { timeout: 120000 },
  async (t) => {
    await session(t, {}, async (dc, lines, what, server) => {
      const stopped = dc.waitForEvent('stopped', 30000);
      await dc.configurationDoneRequest();
      assert.equal((await within(stopped, 30000, 'stopped')).body.reason, 'exited');
      const id = (await dc.customRequest('rewind/sessions', {})).body.sessions[0].id;
      const b = await connect(server.port);
      try {
        const seen = [];
        b.dc.on('output', (e) => seen.push(e.body.output));
        const initialized = b.dc.waitForEvent('initialized', 30000);
        await b.dc.initializeRequest();
        await within(initialized, 30000, 'initialized (attach)');
        await b.dc.attachRequest({ session: id });
        await b.dc.configurationDoneRequest();
        assert.ok(!seen.some((l) => l.startsWith('[insncount]')), `no report while the session lives (${what()})`);
        await within(b.dc.disconnectRequest({ terminateDebuggee: true }), 30000, 'disconnect (attach, terminate)');
        assertReport(seen, () => `attached client's console: ${JSON.stringify(seen)}; ${what()}`);
        assertReport(lines, what); // the launching client is still bound: it hears them too
      } finally {
        await b.close();
      }
    });
  });
