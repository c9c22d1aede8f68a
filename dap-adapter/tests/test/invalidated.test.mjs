// invalidated after time travel: one event with areas ["variables"] for every time travel (DAP goto, go to time, go to
// a bookmark, step back, reverse continue), right after the answer to the first stackTrace of the stop (VS Code then
// asks for nothing more: StopEvents), none after a step forward in live execution, "all" after a debugger write;
// nothing for a client that did not declare supportsInvalidatedEvent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, connect, launchStopped, untilStopped, within, ELF, ROOT } from '../lib/support.mjs';

const PROGRAM = ELF('symbols-O0-rv32.elf');
const MAIN_C = path.join(ROOT, 'tests/guest/src/symbols/main.c');

/**
 * The events of interest in arrival order while `request` runs to its stop and the client then asks for the top frame
 * and the threads. With `travel`, until the invalidated event has come too (at most 10 s): the adapter writes it right
 * after the stackTrace answer, from the thread that wrote that answer, so the threads answer, written by another
 * thread, can arrive first on a busy machine (seen once in CI). Without, an invalidated event that came by the threads
 * answer is in the list (none should).
 */
async function eventsUntilStopped(dc, request, travel = false) {
  const seen = [];
  let invalidatedCame;
  const invalidated = new Promise((resolve) => { invalidatedCame = resolve; });
  const onInvalidated = (e) => { seen.push(`invalidated ${JSON.stringify(e.body.areas)}`); invalidatedCame(); };
  const onStopped = (e) => seen.push(`stopped ${e.body.reason}`);
  dc.on('invalidated', onInvalidated);
  dc.on('stopped', onStopped);
  try {
    const stop = await untilStopped(dc, request);
    seen.push('frames asked'); // the adapter sends the invalidated event after answering
    await within(dc.stackTraceRequest({ threadId: stop.threadId, startFrame: 0, levels: 1 }), 10000, 'stackTrace');
    await within(dc.threadsRequest(), 10000, 'threads');
    if (travel) {
      await within(invalidated, 10000, 'invalidated after the stackTrace answer of a time travel');
    }
  } finally {
    dc.removeListener('invalidated', onInvalidated);
    dc.removeListener('stopped', onStopped);
  }
  return seen;
}

test('invalidated (variables) after every time travel, once the client has the top frame; not after a live step', { timeout: 180000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: PROGRAM, harts: 1 });
    await dc.setBreakpointsRequest({ source: { path: MAIN_C }, breakpoints: [{ line: 15 }] });
    await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    await dc.setBreakpointsRequest({ source: { path: MAIN_C }, breakpoints: [] });
    await dc.customRequest('rewind/addBookmark', { name: 'loop' });
    const travel = ['frames asked', 'invalidated ["variables"]'];
    assert.deepEqual(await eventsUntilStopped(dc, () => dc.nextRequest({ threadId: 1 })), ['stopped step', 'frames asked'],
      'a step forward at the end of history is no time travel');
    assert.deepEqual(await eventsUntilStopped(dc, () => dc.nextRequest({ threadId: 1 })), ['stopped step', 'frames asked']);
    assert.deepEqual(await eventsUntilStopped(dc, () => dc.stepBackRequest({ threadId: 1 }), true), ['stopped step', ...travel],
      'step back over a line (several moves in the machine, one event)');
    assert.deepEqual(await eventsUntilStopped(dc, () => dc.customRequest('rewind/goToBookmark', { name: 'loop' }), true),
      ['stopped goto', ...travel]);
    const now = (await dc.customRequest('rewind/time', {})).body.now;
    assert.deepEqual(await eventsUntilStopped(dc, () => dc.customRequest('rewind/goToTime', { time: now - 5 }), true),
      ['stopped goto', ...travel]);
    const targets = (await dc.gotoTargetsRequest({ source: { path: MAIN_C }, line: 33 })).body.targets;
    assert.deepEqual(await eventsUntilStopped(dc, () => dc.gotoRequest({ threadId: 1, targetId: targets[0].id }), true),
      ['stopped goto', ...travel]);
    assert.deepEqual(await eventsUntilStopped(dc, () => dc.reverseContinueRequest({ threadId: 1 }), true),
      ['stopped history start', ...travel]);

    // a write: "all" (what the client shows may have changed anywhere), no stop
    const all = dc.waitForEvent('invalidated', 10000);
    const st = await dc.stackTraceRequest({ threadId: 1, levels: 1 });
    const scopes = (await dc.scopesRequest({ frameId: st.body.stackFrames[0].id })).body.scopes;
    const regs = scopes.find((s) => s.name === 'Registers');
    await dc.setVariableRequest({ variablesReference: regs.variablesReference, name: 'a5', value: '7' });
    assert.deepEqual((await within(all, 10000, 'invalidated after a write')).body.areas, ['all']);
  } finally { await close(); server.close(); }
});

test('no invalidated for a client without supportsInvalidatedEvent', { timeout: 120000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: PROGRAM, harts: 1 }, { supportsInvalidatedEvent: false });
    for (let i = 0; i < 2; i++) await untilStopped(dc, () => dc.nextRequest({ threadId: 1, granularity: 'instruction' }));
    assert.deepEqual(await eventsUntilStopped(dc, () => dc.stepBackRequest({ threadId: 1, granularity: 'instruction' })),
      ['stopped step', 'frames asked']);
  } finally { await close(); server.close(); }
});
