// The memory event after writeMemory, setVariable and setExpression on values in memory (none for a register, none
// for a client that did not ask); invalidated (areas all) after writes, (areas variables) after a time travel, once
// the client has the new top frame (invalidated.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, connect, launchStopped, untilStopped, symbols, ELF, ROOT, hex } from '../lib/support.mjs';

const PROG = ELF('symbols-O0-rv32.elf');
const MAIN_C = path.join(ROOT, 'tests/guest/src/symbols/main.c');
const settle = () => new Promise((r) => setTimeout(r, 300));

/** Collects the events named `name` from now on. */
function collect(dc, name) {
  const seen = [];
  dc.on(name, (e) => seen.push(e.body));
  return seen;
}

test('memory events after writes to memory; invalidated after writes and time travel', { timeout: 120000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: PROG, harts: 1 }, { supportsMemoryEvent: true, supportsInvalidatedEvent: true });
    await dc.setBreakpointsRequest({ source: { path: MAIN_C }, breakpoints: [{ line: 36 }] });
    await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    const memory = collect(dc, 'memory');
    const invalidated = collect(dc, 'invalidated');
    const frame = () => dc.stackTraceRequest({ threadId: 1 }).then((r) => r.body.stackFrames[0]);

    const hartDone = symbols(PROG).get('hart_done');
    await dc.customRequest('writeMemory', { memoryReference: hex(hartDone), data: Buffer.from([9, 0, 0, 0]).toString('base64') });
    await settle();
    assert.deepEqual(memory, [{ memoryReference: hex(hartDone), offset: 0, count: 4 }]);

    const scopes = (await dc.scopesRequest({ frameId: (await frame()).id })).body.scopes;
    const locals = (await dc.variablesRequest({ variablesReference: scopes[0].variablesReference })).body.variables;
    const ok = locals.find((v) => v.name === 'ok');
    assert.ok(ok.memoryReference, 'an -O0 local lives on the stack');
    await dc.setVariableRequest({ variablesReference: scopes[0].variablesReference, name: 'ok', value: '0' });
    await settle();
    assert.deepEqual(memory[1], { memoryReference: ok.memoryReference, offset: 0, count: 4 });

    const f = await frame();
    const before = (await dc.evaluateRequest({ expression: 'shapes[1].ncorners', frameId: f.id, context: 'watch' })).body;
    const set = (await dc.customRequest('setExpression', { expression: 'shapes[1].ncorners', value: '5', frameId: f.id })).body;
    assert.equal(set.value, '5');
    await settle();
    assert.equal(memory.length, 3);
    assert.equal(memory[2].memoryReference, before.memoryReference);
    assert.equal(memory[2].count, 4);
    assert.equal((await dc.evaluateRequest({ expression: 'shapes[1].ncorners', frameId: (await frame()).id, context: 'watch' })).body.result, '5');

    const reg = (await dc.customRequest('setExpression', { expression: '$t3', value: '0x55', frameId: (await frame()).id })).body;
    assert.equal(Number(reg.value), 0x55);
    await settle();
    assert.equal(memory.length, 3, 'a register write changes no memory');
    await assert.rejects(dc.customRequest('setExpression', { expression: 'no_such_thing', value: '1', frameId: (await frame()).id }), /no_such_thing/);

    assert.ok(invalidated.length >= 1 && invalidated.every((i) => i.areas.includes('all')), 'invalidated (all) after writes');
    invalidated.length = 0;
    const back = await untilStopped(dc, () => dc.stepBackRequest({ threadId: 1 }));
    assert.equal(back.reason, 'step');
    await dc.stackTraceRequest({ threadId: 1, levels: 1 });
    await dc.threadsRequest(); // the invalidated event follows the stackTrace answer; it has arrived by now
    assert.deepEqual(invalidated, [{ areas: ['variables'] }], 'after a step back: variables, after its top frame');
  } finally { await close(); server.close(); }
});

test('no memory event for a client that did not declare supportsMemoryEvent', { timeout: 120000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: PROG, harts: 1 });
    const memory = collect(dc, 'memory');
    const hartDone = symbols(PROG).get('hart_done');
    await dc.customRequest('writeMemory', { memoryReference: hex(hartDone), data: Buffer.from([1]).toString('base64') });
    await settle();
    assert.deepEqual(memory, []);
  } finally { await close(); server.close(); }
});
