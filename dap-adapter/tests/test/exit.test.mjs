// A guest that exits: without history the session ends (exited with the guest's code, then terminated);
// with history it stays, stopped with reason exited, for reverse debugging.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, connect, untilStopped, time, ELF, within } from '../lib/support.mjs';

async function start(dc, args) {
  const initialized = dc.waitForEvent('initialized', 30000);
  await dc.initializeRequest();
  await within(initialized, 30000, 'initialized');
  await dc.launchRequest(args);
}

test('exit without history: exited (code 7) and terminated', { timeout: 60000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await start(dc, { program: ELF('exit-code-rv32.elf'), history: false });
    const exited = dc.waitForEvent('exited', 30000);
    const terminated = dc.waitForEvent('terminated', 30000);
    await dc.configurationDoneRequest();
    assert.equal((await within(exited, 30000, 'exited')).body.exitCode, 7);
    await within(terminated, 30000, 'terminated');
    await assert.rejects(dc.stepBackRequest({ threadId: 1 }), /no history|history is off|ended/);
  } finally { await close(); server.close(); }
});

test('exit with history: stopped (exited), then step back into the program', { timeout: 60000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await start(dc, { program: ELF('exit-code-rv32.elf') });
    const stopped = dc.waitForEvent('stopped', 30000);
    await dc.configurationDoneRequest();
    const stop = (await within(stopped, 30000, 'stopped')).body;
    assert.equal(stop.reason, 'exited');
    assert.match(stop.description, /exited with code 7/);
    const end = (await time(dc)).now;
    await untilStopped(dc, () => dc.stepBackRequest({ threadId: 1, granularity: 'instruction' }));
    assert.equal((await time(dc)).now, end - 1);
  } finally { await close(); server.close(); }
});
