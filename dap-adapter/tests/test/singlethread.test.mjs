// singleThread (DAP 1.51): `next`, `continue` and `stepOut` of hart 2 with singleThread leave the other harts'
// registers (pc included) and retired-instruction counts (minstret) as they were; `continue` answers and announces
// allThreadsContinued false; stepping back afterwards lands on the state before the step (history is fixed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, connect, launchStopped, registers, symbols, untilStopped, time, ELF, hex, within } from '../lib/support.mjs';

const DEMO = ELF('demo-rv32.elf');
const syms = symbols(DEMO);

async function csr(dc, threadId, name) {
  const st = await within(dc.stackTraceRequest({ threadId, startFrame: 0, levels: 1 }), 10000, 'stackTrace');
  const scopes = await within(dc.scopesRequest({ frameId: st.body.stackFrames[0].id }), 10000, 'scopes');
  const csrs = scopes.body.scopes.find((s) => s.name === 'CSRs');
  const vars = await within(dc.variablesRequest({ variablesReference: csrs.variablesReference }), 10000, 'variables');
  const v = vars.body.variables.find((x) => x.name === name);
  assert.ok(v, `CSR ${name} is shown`);
  return v.value;
}

async function harts(dc) {
  const out = [];
  for (let t = 1; t <= 4; t++) out.push({ regs: await registers(dc, t), minstret: await csr(dc, t, 'minstret') });
  return out;
}

function othersUnchanged(before, after, moved, what) {
  for (let t = 1; t <= 4; t++) {
    if (t === moved) continue;
    assert.deepEqual(after[t - 1], before[t - 1], `${what}: thread ${t} as it was`);
  }
  assert.notEqual(after[moved - 1].minstret, before[moved - 1].minstret, `${what}: thread ${moved} retired more`);
}

test('singleThread next, continue and stepOut of hart 2 hold the other harts; stepBack lands on the forward state',
  { timeout: 180000 }, async () => {
    const server = await startServer();
    const { dc, close } = await connect(server.port);
    try {
      const { capabilities } = await launchStopped(dc, { program: DEMO, harts: 4 });
      assert.equal(capabilities.supportsSingleThreadExecutionRequests, true);
      await dc.customRequest('setInstructionBreakpoints',
        { breakpoints: [{ instructionReference: hex(syms.get('count_item')) }] });
      let stop;
      for (let i = 0; i < 20; i++) {
        stop = await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
        if (stop.threadId === 3) break;
      }
      assert.equal(stop.threadId, 3, 'hart 2 hit count_item within 20 stops');
      await dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });

      const before = { harts: await harts(dc), t: await time(dc) };
      const s1 = await untilStopped(dc, () => dc.nextRequest({ threadId: 3, singleThread: true }));
      assert.equal(s1.reason, 'step');
      assert.equal(s1.threadId, 3);
      const after = { harts: await harts(dc), t: await time(dc) };
      othersUnchanged(before.harts, after.harts, 3, 'next');
      assert.notEqual(after.harts[2].regs.pc, before.harts[2].regs.pc, 'next: thread 3 moved');
      assert.ok(after.t.now > before.t.now, 'time moved forward');

      const back = await untilStopped(dc, () => dc.stepBackRequest({ threadId: 3 }));
      assert.equal(back.threadId, 3);
      const landed = { harts: await harts(dc), t: await time(dc) };
      assert.equal(landed.t.now, before.t.now, 'stepBack lands at the time the step started');
      assert.deepEqual(landed.harts, before.harts, 'every hart as it was before the step');
      // the same singleThread step again replays history: the same landing, no new future
      await untilStopped(dc, () => dc.nextRequest({ threadId: 3, singleThread: true }));
      assert.deepEqual({ harts: await harts(dc), t: await time(dc) }, after,
        'stepping again lands where the first step did (same time, same frontier: no new future)');

      // stepOut of count_item on hart 2 alone: back in hart_main, the others unchanged
      const o = await untilStopped(dc, () => dc.stepOutRequest({ threadId: 3, singleThread: true }));
      assert.equal(o.threadId, 3);
      const out = await harts(dc);
      othersUnchanged(before.harts, out, 3, 'stepOut');
      const pc = Number(out[2].regs.pc);
      assert.ok(pc > syms.get('hart_main') && pc < syms.get('main'), `returned into hart_main (pc ${hex(pc)})`);

      // continue on hart 2 alone: the response and the continued event say not all threads continued
      await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'count_item' }] });
      const continued = dc.waitForEvent('continued', 30000);
      const stopped = dc.waitForEvent('stopped', 60000);
      const resp = await within(dc.continueRequest({ threadId: 3, singleThread: true }), 30000, 'continue');
      assert.equal(resp.body.allThreadsContinued, false);
      const ev = (await within(continued, 30000, 'continued')).body;
      assert.equal(ev.allThreadsContinued, false);
      assert.equal(ev.threadId, 3);
      const hit = (await within(stopped, 60000, 'stopped')).body;
      assert.equal(hit.threadId, 3, 'only hart 2 ran, so only it can hit count_item');
      assert.equal(Number((await registers(dc, 3)).pc), syms.get('count_item'));
      othersUnchanged(out, await harts(dc), 3, 'continue');
      await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    } finally { await close(); server.close(); }
  });
