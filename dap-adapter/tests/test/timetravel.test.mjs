// Run the demo to its end, then reverse-continue to the last write of items_produced: a producer hart
// (not the consumer, hart 0) made it. Bookmarks and go-to-time through custom requests and the REPL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, connect, launchStopped, registers, symbols, untilStopped, time, ELF, hex, within } from '../lib/support.mjs';

const DEMO = ELF('demo-rv32.elf');
const syms = symbols(DEMO);

test('reverse-continue to a data breakpoint another hart triggered', { timeout: 180000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: DEMO, harts: 4 });
    const output = [];
    dc.on('output', (e) => output.push(e.body));
    const end = await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }), 120000);
    assert.equal(end.reason, 'exited');
    const stdout = output.filter((o) => o.category === 'stdout');
    assert.match(stdout.map((o) => o.output).join(''), /^demo: 4 harts[\s\S]*LOST UPDATE: expected 12000 got \d+\n$/,
      'guest UART output arrives as stdout');
    assert.ok(stdout.every((o) => o.output.endsWith('\n')), 'in whole lines');
    const frontier = (await time(dc)).now;

    const info = await dc.dataBreakpointInfoRequest({ name: 'items_produced' });
    assert.equal(info.body.dataId, `${hex(syms.get('items_produced'))}:4`);
    assert.ok(info.body.accessTypes.includes('write'));
    const set = await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId, accessType: 'write' }] });
    assert.equal(set.body.breakpoints[0].verified, true);

    const hit = await untilStopped(dc, () => dc.reverseContinueRequest({ threadId: 1 }), 120000);
    assert.equal(hit.reason, 'data breakpoint');
    assert.notEqual(hit.threadId, 1, 'the last write came from a producer, not the consumer hart 0');
    assert.deepEqual(hit.hitBreakpointIds, [set.body.breakpoints[0].id]);
    const t1 = (await time(dc)).now;
    assert.ok(t1 < frontier, 'back in history');

    // one more: an earlier write
    const hit2 = await untilStopped(dc, () => dc.reverseContinueRequest({ threadId: 1 }), 120000);
    assert.equal(hit2.reason, 'data breakpoint');
    assert.ok((await time(dc)).now < t1);
  } finally { await close(); server.close(); }
});

test('pause a running machine; reverse continue reports progress', { timeout: 180000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: ELF('ttbench-rv32.elf'), harts: 2 });
    const continued = dc.waitForEvent('continued', 30000);
    await dc.continueRequest({ threadId: 1 });
    await within(continued, 30000, 'continued');
    await assert.rejects(dc.stackTraceRequest({ threadId: 1 }), /running: pause it first/);
    await new Promise((r) => setTimeout(r, 300));
    // a request that waits for the machine (as the VS Code extension's refresh on `continued`) holds no pause back
    const bookmarks = within(dc.customRequest('rewind/bookmarks', {}), 30000, 'rewind/bookmarks while running');
    const paused = await untilStopped(dc, () => dc.pauseRequest({ threadId: 1 }), 30000);
    assert.equal(paused.reason, 'pause');
    assert.deepEqual((await bookmarks).body.bookmarks, []);
    assert.ok((await time(dc)).now > 0);
    const starts = [];
    const ends = [];
    dc.on('progressStart', (e) => starts.push(e.body));
    dc.on('progressEnd', (e) => ends.push(e.body));
    const back = await untilStopped(dc, () => dc.reverseContinueRequest({ threadId: 1 }), 120000);
    assert.equal(back.reason, 'history start');
    assert.equal(starts.length, 1);
    assert.equal(starts[0].title, 'Reverse continue');
    assert.deepEqual(ends.map((e) => e.progressId), [starts[0].progressId]);
  } finally { await close(); server.close(); }
});

test('bookmarks and go to time: custom requests and REPL commands', { timeout: 180000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: DEMO, harts: 4 });
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: hex(syms.get('count_item')) }] });
    await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    const here = { t: (await time(dc)).now, regs: await registers(dc, 2) };
    const changed = dc.waitForEvent('rewind/bookmarks', 10000);
    const added = (await dc.customRequest('rewind/addBookmark', { name: 'first' })).body;
    assert.equal(added.time, here.t);
    assert.deepEqual((await changed).body.bookmarks, [{ name: 'first', time: here.t }], 'the rewind/bookmarks event');
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });
    for (let i = 0; i < 3; i++) await untilStopped(dc, () => dc.nextRequest({ threadId: 2, granularity: 'instruction' }));
    assert.ok((await time(dc)).now > here.t);

    let invalidated = 0; // one (areas: variables) per time travel (invalidated.test.mjs)
    dc.on('invalidated', () => invalidated++);
    const stopped = dc.waitForEvent('stopped', 30000);
    const back = (await dc.customRequest('rewind/goToBookmark', { name: 'first' })).body;
    assert.equal(back.now, here.t);
    assert.equal((await within(stopped, 30000, 'stopped')).body.reason, 'goto');
    assert.deepEqual(await registers(dc, 2), here.regs);
    assert.deepEqual((await dc.customRequest('rewind/bookmarks', {})).body.bookmarks, [{ name: 'first', time: here.t }]);

    // REPL: time, goto, bookmark add/list/goto/delete
    const repl = async (expression) => (await dc.evaluateRequest({ expression, context: 'repl' })).body.result;
    assert.match(await repl('time'), new RegExp(`^time ${here.t} `));
    const stoppedGoto = dc.waitForEvent('stopped', 30000);
    assert.match(await repl('goto 1000'), /^time 1000 /);
    await within(stoppedGoto, 30000, 'stopped after goto');
    assert.match(await repl('bookmark add early'), /^bookmark early @ 1000$/);
    assert.match(await repl('bookmark list'), /early @ 1000[\s\S]*first @|first @[\s\S]*early @ 1000/);
    const s3 = dc.waitForEvent('stopped', 30000);
    assert.match(await repl('bookmark goto first'), new RegExp(`^time ${here.t} `));
    await within(s3, 30000, 'stopped after bookmark goto');
    assert.match(await repl('bookmark delete early'), /deleted early/);
    await assert.rejects(dc.customRequest('rewind/goToBookmark', { name: 'early' }), /early/);
    assert.match(await repl('$pc'), /^0x[0-9a-f]{8}$/);
    await registers(dc, 2); // asks for the top frame: the last travel's invalidated event follows its answer
    await dc.threadsRequest();
    assert.equal(invalidated, 3, 'one invalidated event per time travel: go to the bookmark, goto 1000, bookmark goto');
  } finally { await close(); server.close(); }
});

test('save a recording, open it in a new session, bookmarks and rename survive', { timeout: 180000 }, async () => {
  const server = await startServer();
  const file = `${process.env.TMPDIR || '/tmp'}/rewind-dap-test-${process.pid}.rwd`;
  try {
    const a = await connect(server.port);
    let saved;
    try {
      await launchStopped(a.dc, { program: DEMO, harts: 2 });
      for (let i = 0; i < 5; i++) await untilStopped(a.dc, () => a.dc.stepInRequest({ threadId: 1, granularity: 'instruction' }));
      await a.dc.customRequest('rewind/addBookmark', { name: 'five' });
      const renamed = (await a.dc.customRequest('rewind/renameBookmark', { name: 'five', newName: 'fifth' })).body.bookmarks;
      assert.deepEqual(renamed.map((b) => b.name), ['fifth']);
      saved = (await a.dc.customRequest('rewind/saveRecording', { path: file })).body;
      assert.equal(saved.path, file);
      assert.ok(saved.endTime > 0);
    } finally { await a.close(); }
    const b = await connect(server.port);
    try {
      await launchStopped(b.dc, { program: DEMO, harts: 2, recording: file });
      assert.equal((await time(b.dc)).now, 0);
      const marks = (await b.dc.customRequest('rewind/bookmarks', {})).body.bookmarks;
      assert.deepEqual(marks.map((m) => m.name), ['fifth']);
      const stopped = b.dc.waitForEvent('stopped', 60000);
      const t = (await b.dc.customRequest('rewind/goToBookmark', { name: 'fifth' })).body;
      await within(stopped, 60000, 'stopped');
      assert.equal(t.now, marks[0].time);
    } finally { await b.close(); }
  } finally { server.close(); (await import('node:fs')).rmSync(file, { force: true }); }
});
