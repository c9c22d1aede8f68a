// readMemory / writeMemory / disassemble around the pc, evaluate, setVariable, exception breakpoints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, connect, launchStopped, registers, symbols, untilStopped, ELF, hex, within } from '../lib/support.mjs';

const DEMO = ELF('demo-rv32.elf');
const syms = symbols(DEMO);

/** objdump's instructions of an address range: address -> raw hex (as objdump prints it). */
function objdump(elf, start, stop) {
  const out = execFileSync('riscv64-unknown-elf-objdump', ['-d', `--start-address=${hex(start)}`, `--stop-address=${hex(stop)}`, elf], { encoding: 'utf8' });
  const map = new Map();
  for (const line of out.split('\n')) {
    const m = /^\s*([0-9a-f]+):\s+([0-9a-f]{4,8})\s/.exec(line);
    if (m) map.set(parseInt(m[1], 16), m[2]);
  }
  return map;
}

test('memory, disassembly, registers', { timeout: 120000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: DEMO, harts: 2 });
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: hex(syms.get('main')) }] });
    const stop = await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(stop.threadId, 1);
    const pc = syms.get('main');

    // disassemble 5 instructions before the pc and 6 from it: entry 5 is the pc, bytes agree with objdump
    const dis = (await dc.customRequest('disassemble', { memoryReference: hex(pc), instructionOffset: -5, instructionCount: 11 })).body.instructions;
    assert.equal(dis.length, 11);
    assert.equal(Number(dis[5].address), pc);
    assert.equal(dis[5].symbol, 'main');
    const oracle = objdump(DEMO, pc - 64, pc + 64);
    for (const ins of dis) {
      assert.equal(ins.instructionBytes, oracle.get(Number(ins.address)), `bytes at ${ins.address}`);
    }
    for (let i = 1; i < dis.length; i++) assert.ok(Number(dis[i].address) > Number(dis[i - 1].address));
    // far outside memory: placeholders, still exactly the count asked for
    const none = (await dc.customRequest('disassemble', { memoryReference: '0x40000000', instructionCount: 4 })).body.instructions;
    assert.equal(none.length, 4);

    // read, write, read back a global
    const addr = syms.get('items_produced');
    const r1 = (await dc.customRequest('readMemory', { memoryReference: hex(addr), count: 4 })).body;
    assert.equal(Number(r1.address), addr);
    assert.equal(Buffer.from(r1.data, 'base64').length, 4);
    const w = (await dc.customRequest('writeMemory', { memoryReference: hex(addr), data: Buffer.from([1, 2, 3, 4]).toString('base64') })).body;
    assert.equal(w.bytesWritten, 4);
    const r2 = (await dc.customRequest('readMemory', { memoryReference: hex(addr - 2), offset: 2, count: 4 })).body;
    assert.deepEqual([...Buffer.from(r2.data, 'base64')], [1, 2, 3, 4]);
    // a C value with debug information (67305985), a word without (0x04030201)
    assert.equal(Number((await dc.evaluateRequest({ expression: 'items_produced', context: 'watch' })).body.result), 0x04030201);
    assert.match((await dc.evaluateRequest({ expression: '&items_produced', context: 'hover' })).body.result, new RegExp(hex(addr)));
    // a read running off the end of RAM: what exists, and the rest unreadable
    const edge = (await dc.customRequest('readMemory', { memoryReference: hex(0x80000000 + 128 * 1024 * 1024 - 2), count: 8 })).body;
    assert.equal(Buffer.from(edge.data, 'base64').length, 2);
    assert.equal(edge.unreadableBytes, 6);

    // setVariable on a register, read back through variables and evaluate
    const st = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    const scopes = (await dc.scopesRequest({ frameId: st[0].id })).body.scopes;
    assert.deepEqual(scopes.map((s) => s.name).slice(-2), ['Registers', 'CSRs']);
    const regsRef = scopes.find((s) => s.name === 'Registers').variablesReference;
    const set = (await dc.setVariableRequest({ variablesReference: regsRef, name: 't3', value: '0x1234' })).body;
    assert.equal(set.value, '0x00001234');
    assert.equal((await registers(dc, 1)).t3, '0x00001234');
    assert.equal((await dc.evaluateRequest({ expression: '$t3', context: 'watch' })).body.result, '0x00001234');
    const csrs = (await dc.variablesRequest({ variablesReference: (await dc.scopesRequest({ frameId: (await dc.stackTraceRequest({ threadId: 2 })).body.stackFrames[0].id })).body.scopes.find((s) => s.name === 'CSRs').variablesReference })).body.variables;
    assert.equal(Number(csrs.find((v) => v.name === 'mhartid').value), 1, 'hart 1 has mhartid 1');
  } finally { await close(); server.close(); }
});

test('exception breakpoints stop at a guest trap; exceptionInfo names it', { timeout: 120000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    const initialized = dc.waitForEvent('initialized', 30000);
    const init = await dc.initializeRequest();
    assert.deepEqual(init.body.exceptionBreakpointFilters.map((f) => f.filter), ['exceptions', 'interrupts']);
    await within(initialized, 30000, 'initialized');
    // the trap stop is armed at mtvec, which main sets: arm it once the first check (expect) runs
    const trap = ELF('trap-rv32.elf');
    await dc.launchRequest({ program: trap, stopOnEntry: true });
    const entry = dc.waitForEvent('stopped', 60000);
    await dc.configurationDoneRequest();
    await within(entry, 60000, 'entry');
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: hex(symbols(trap).get('expect')) }] });
    assert.equal((await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }))).reason, 'instruction breakpoint');
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });
    await dc.setExceptionBreakpointsRequest({ filters: ['exceptions'] });
    const stop = await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(stop.reason, 'exception');
    const info = (await dc.exceptionInfoRequest({ threadId: stop.threadId })).body;
    assert.match(info.exceptionId, /^exception \d+$/);
    assert.match(info.description, /mcause/);
    await assert.rejects(dc.setExceptionBreakpointsRequest({ filters: ['nonsense'] }), /unknown exception filter/);
  } finally { await close(); server.close(); }
});
