// Break on hart 2, step, step back: the landing state equals the state before the step, and stepping
// forward again lands where the first step did. Step out and step over a call at instruction level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, connect, launchStopped, registers, symbols, untilStopped, time, ELF, hex, within } from '../lib/support.mjs';

const DEMO = ELF('demo-rv32.elf');
const syms = symbols(DEMO);

async function allRegisters(dc) {
  const out = [];
  for (let t = 1; t <= 4; t++) out.push(await registers(dc, t));
  return out;
}

test('break on hart 2, step and step back', { timeout: 180000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: DEMO, harts: 4 });
    const bp = await dc.customRequest('setInstructionBreakpoints',
      { breakpoints: [{ instructionReference: hex(syms.get('count_item')) }] });
    assert.equal(bp.body.breakpoints[0].verified, true);
    let stop;
    for (let i = 0; i < 20; i++) {
      stop = await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
      assert.equal(stop.reason, 'instruction breakpoint');
      if (stop.threadId === 3) break;
    }
    assert.equal(stop.threadId, 3, 'hart 2 hit count_item within 20 stops');
    assert.equal(Number((await registers(dc, 3)).pc), syms.get('count_item'));
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });

    const before = { regs: await allRegisters(dc), t: await time(dc) };
    const s1 = await untilStopped(dc, () => dc.nextRequest({ threadId: 3, granularity: 'instruction' }));
    assert.equal(s1.reason, 'step');
    assert.equal(s1.threadId, 3);
    const after = { regs: await allRegisters(dc), t: await time(dc) };
    assert.ok(after.t.now > before.t.now, 'time moved forward');
    assert.notEqual(after.regs[2].pc, before.regs[2].pc, 'hart 2 moved');

    const back = await untilStopped(dc, () => dc.stepBackRequest({ threadId: 3, granularity: 'instruction' }));
    assert.equal(back.threadId, 3);
    const landed = { regs: await allRegisters(dc), t: await time(dc) };
    assert.equal(landed.t.now, before.t.now, 'back at the time before the step');
    assert.deepEqual(landed.regs, before.regs, 'every hart as it was before the step');

    await untilStopped(dc, () => dc.nextRequest({ threadId: 3, granularity: 'instruction' }));
    const again = { regs: await allRegisters(dc), t: await time(dc) };
    assert.deepEqual(again, after, 'stepping forward again lands where the first step did');

    // a function breakpoint by name, with a hit count: the 2nd hit of count_item (any producer)
    const fb = (await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'count_item', hitCondition: '2' }, { name: 'no_such_fn' }] })).body.breakpoints;
    assert.equal(fb[0].verified, true);
    assert.equal(Number(fb[0].instructionReference), syms.get('count_item'));
    assert.equal(fb[1].verified, false);
    const fstop = await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(fstop.reason, 'function breakpoint');
    assert.equal(Number((await registers(dc, fstop.threadId)).pc), syms.get('count_item'));
    await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    if (fstop.threadId !== 3) {
      await dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: hex(syms.get('count_item')) }] });
      for (let i = 0; i < 20 && (await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }))).threadId !== 3; i++);
      await dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });
    }

    // step out of count_item: back in the caller, right after the call
    const out = await untilStopped(dc, () => dc.stepOutRequest({ threadId: 3 }));
    assert.equal(out.threadId, 3);
    const pc = Number((await registers(dc, 3)).pc);
    const callerStart = syms.get('hart_main');
    assert.ok(pc > callerStart && pc < syms.get('main'), `returned into hart_main (pc ${hex(pc)})`);
  } finally { await close(); server.close(); }
});

test('stepIn by instruction, stepBack, reverseContinue to the start of history', { timeout: 120000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: DEMO, harts: 2 });
    for (let i = 0; i < 5; i++) {
      await untilStopped(dc, () => dc.stepInRequest({ threadId: 1, granularity: 'instruction' }));
    }
    assert.ok((await time(dc)).now > 0);
    const back = await untilStopped(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(back.reason, 'history start');
    assert.equal((await time(dc)).now, 0);
    assert.equal(Number((await registers(dc, 1)).pc), syms.get('_start'));
  } finally { await close(); server.close(); }
});
