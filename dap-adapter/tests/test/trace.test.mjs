// The session's trace as custom DAP events: `rewind/trace` ({entries: [{hart, time, kind, text}]}) with function
// names from the ELF's symbols, and `rewind/traceCut` ({time}) when time travel moves "now" back; only when the
// launch asks for it (`trace`), at most a few hundred entries per stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, connect, launchStopped, symbols, untilStopped, time, ELF, hex, within } from '../lib/support.mjs';

const DEMO = ELF('demo-rv32.elf');
const syms = symbols(DEMO);

/** Collects a client's trace events; `until` waits (bounded) for an entry or cut that `pred` accepts. */
function traceLog(dc) {
  const log = { entries: [], cuts: [], events: 0 };
  const waiters = [];
  const check = () => { for (const w of [...waiters]) if (w.pred()) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); } };
  dc.on('rewind/trace', (e) => {
    log.events++;
    for (const x of e.body.entries || [e.body]) log.entries.push(x);
    check();
  });
  dc.on('rewind/traceCut', (e) => { log.cuts.push(e.body.time); log.entries = log.entries.filter((x) => x.time <= e.body.time); check(); });
  log.until = (pred, what, ms = 15000) => within(new Promise((resolve) => { waiters.push({ pred, resolve }); check(); }), ms, what);
  return log;
}

test('trace events: calls named from the ELF symbols, a cut after step back and reverse continue', { timeout: 180000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    const trace = traceLog(dc);
    await launchStopped(dc, { program: DEMO, harts: 4, trace: true });
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: hex(syms.get('count_item')) }] });
    const first = await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    const t1 = (await time(dc)).now;
    const hart = first.threadId - 1;
    await trace.until(() => trace.entries.some((e) => e.kind === 'call' && e.text === 'hart_main' && e.hart === hart),
      `hart ${hart} entering hart_main`);
    assert.ok(trace.entries.some((e) => e.kind === 'call' && e.text === 'main' && e.hart === 0), 'main on hart 0');
    assert.ok(trace.entries.every((e) => e.time <= t1), 'nothing later than now');
    assert.ok(trace.entries.every((e) => ['call', 'trap', 'write', 'exit'].includes(e.kind)));
    assert.ok(trace.entries.every((e) => !/^0x/.test(e.text)), `functions by name: ${JSON.stringify(trace.entries)}`);

    await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    const t2 = (await time(dc)).now;
    await trace.until(() => trace.entries.some((e) => e.text === 'count_item' && e.hart === hart && e.time >= t1 && e.time <= t2),
      'count_item entered after the first stop');
    const key = (e) => `${e.hart}:${e.time}:${e.kind}:${e.text}`;
    const seen = trace.entries.map(key);

    await untilStopped(dc, () => dc.stepBackRequest({ threadId: first.threadId }));
    const back = (await time(dc)).now;
    assert.ok(back < t2);
    await trace.until(() => trace.cuts.includes(back), `a traceCut at the step back's time ${back}`);
    assert.ok(trace.entries.every((e) => e.time <= back));

    const rc = await untilStopped(dc, () => dc.reverseContinueRequest({ threadId: 1 }), 60000);
    const t3 = (await time(dc)).now;
    assert.ok(t3 < back, `reverse continue went back: ${rc.reason} at ${t3}`);
    await trace.until(() => trace.cuts.includes(t3), `a traceCut at the reverse continue's time ${t3}`);

    // forward again over the same history: the same entries come back, none twice
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });
    await dc.customRequest('rewind/goToTime', { time: t2 });
    await trace.until(() => { const now = new Set(trace.entries.map(key)); return seen.every((k) => now.has(k)); },
      `the ${seen.length} entries up to ${t2} again`);
    const keys = trace.entries.map(key);
    assert.equal(new Set(keys).size, keys.length, 'no entry twice');
    assert.ok(trace.events > 0);
  } finally { await close(); server.close(); }
});

test('no trace events unless the launch asks for them; a bad trace item is refused', { timeout: 120000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    let events = 0;
    dc.on('rewind/trace', () => { events++; });
    await launchStopped(dc, { program: DEMO, harts: 2 });
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: hex(syms.get('count_item')) }] });
    await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(events, 0);
  } finally { await close(); }
  const second = await connect(server.port);
  try {
    await within(second.dc.initializeRequest({ adapterID: 'rewind' }), 30000, 'initialize');
    await assert.rejects(second.dc.launchRequest({ program: DEMO, trace: 42 }), /'trace' must be/);
  } finally { await second.close(); server.close(); }
});

test('a session opened from a recording with trace: true shows the recording\'s timeline, replayed or not', { timeout: 240000 }, async () => {
  const server = await startServer();
  const file = `${process.env.TMPDIR || '/tmp'}/rewind-dap-trace-${process.pid}.rwd`;
  const key = (e) => `${e.hart}:${e.time}:${e.kind}:${e.text}`;
  try {
    const a = await connect(server.port);
    let t1;
    let t2;
    let recorded;
    try {
      const trace = traceLog(a.dc);
      await launchStopped(a.dc, { program: DEMO, harts: 2, trace: true });
      await a.dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: hex(syms.get('count_item')) }] });
      await untilStopped(a.dc, () => a.dc.continueRequest({ threadId: 1 }));
      t1 = (await time(a.dc)).now;
      // a debugger write: opening the recording runs its history up to here, before the trace can see it
      await a.dc.customRequest('writeMemory', { memoryReference: hex(syms.get('items_produced')), data: Buffer.from([0, 0, 0, 0]).toString('base64') });
      await untilStopped(a.dc, () => a.dc.continueRequest({ threadId: 1 }));
      t2 = (await time(a.dc)).now;
      await trace.until(() => trace.entries.some((e) => e.kind === 'call' && e.text === 'main' && e.hart === 0), 'main on hart 0');
      recorded = new Set(trace.entries.map(key));
      await a.dc.customRequest('rewind/saveRecording', { path: file });
    } finally { await a.close(); }

    const b = await connect(server.port);
    try {
      const trace = traceLog(b.dc);
      await launchStopped(b.dc, { program: DEMO, harts: 2, recording: file, trace: true });
      assert.equal((await time(b.dc)).now, 0);
      await b.dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: hex(syms.get('count_item')) }] });
      await untilStopped(b.dc, () => b.dc.continueRequest({ threadId: 1 }));
      assert.equal((await time(b.dc)).now, t1, 'the recording replays the first hit');
      await trace.until(() => trace.entries.some((e) => e.kind === 'call' && e.text === 'main' && e.hart === 0 && e.time < t1),
        'main on hart 0 from the replayed history before the write');
      assert.ok(trace.entries.every((e) => e.time <= t1), 'nothing later than now');
      assert.ok(trace.entries.every((e) => recorded.has(key(e))), `the recorded session's entries: ${JSON.stringify(trace.entries)}`);

      await untilStopped(b.dc, () => b.dc.continueRequest({ threadId: 1 }));
      assert.equal((await time(b.dc)).now, t2);
      await trace.until(() => trace.entries.some((e) => e.time >= t1 && e.text === 'count_item'),
        'count_item entered at the write, once resumed (live: the recording\'s history ends there)');
      assert.ok(trace.entries.every((e) => recorded.has(key(e))), 'still the recorded session\'s entries');

      // back before the write and forward again: a cut, then the same entries, none twice
      const seen = trace.entries.map(key);
      await b.dc.customRequest('rewind/goToTime', { time: Math.floor(t1 / 2) });
      await trace.until(() => trace.cuts.includes(Math.floor(t1 / 2)), 'a cut at the time gone back to');
      await b.dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });
      await b.dc.customRequest('rewind/goToTime', { time: t2 });
      await trace.until(() => { const now = new Set(trace.entries.map(key)); return seen.every((k) => now.has(k)); },
        `the ${seen.length} entries up to ${t2} again`);
      const keys = trace.entries.map(key);
      assert.equal(new Set(keys).size, keys.length, 'no entry twice');
    } finally { await b.close(); }
  } finally { server.close(); (await import('node:fs')).rmSync(file, { force: true }); }
});
