// Source level on the symbols fixture (DWARF 5 from GCC 12 at -O0): a line breakpoint hit on hart 2, frames with
// sources, locals, step over a line and step back across the call it made, expand a struct and follow a
// pointer, setVariable, expressions, disassembly with lines, a data breakpoint on a C global.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startServer, connect, launchStopped, untilStopped, time, ELF, ROOT, hex, within } from '../lib/support.mjs';

const PROG = ELF('symbols-O0-rv32.elf');
const MAIN_C = path.join(ROOT, 'tests/guest/src/symbols/main.c');

async function top(dc, threadId) {
  const frames = (await dc.stackTraceRequest({ threadId })).body.stackFrames;
  return { frames, top: frames[0] };
}

async function locals(dc, frameId) {
  const scopes = (await dc.scopesRequest({ frameId })).body.scopes;
  assert.deepEqual(scopes.map((s) => s.name), ['Locals', 'Globals', 'Registers', 'CSRs']);
  const vars = (await dc.variablesRequest({ variablesReference: scopes[0].variablesReference })).body.variables;
  return { scopes, vars: Object.fromEntries(vars.map((v) => [v.name, v])) };
}

for (const xlen of [32, 64]) test(`rv${xlen}: line breakpoint on hart 2, frames with sources and locals`, { timeout: 180000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  const PROG = ELF(`symbols-O0-rv${xlen}.elf`);
  try {
    await launchStopped(dc, { program: PROG, harts: 4 });
    // a condition evaluated by the debug services in the hit hart's frame: only hart 2 stops
    const bp = (await dc.setBreakpointsRequest({ source: { path: MAIN_C }, breakpoints: [{ line: 24, condition: 'hartid == 2' }] })).body.breakpoints;
    assert.equal(bp[0].verified, true);
    assert.equal(bp[0].line, 24);
    const stop = await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(stop.reason, 'breakpoint');
    assert.equal(stop.threadId, 3, 'hart 2 reached main.c:24');
    const { frames, top: f } = await top(dc, 3);
    assert.equal(f.name, 'hart_main');
    assert.equal(f.line, 24);
    assert.equal(f.source.path, MAIN_C);
    const addr2line = execFileSync('riscv64-unknown-elf-addr2line', ['-e', PROG, f.instructionPointerReference], { encoding: 'utf8' });
    assert.match(addr2line, /main\.c:24/);
    assert.ok(frames.length >= 2, 'the caller of hart_main is unwound too');
    // the program's sources found here, as frames name them: every one a file the line tables list (readelf), once
    const sources = (await dc.customRequest('rewind/sources', {})).body.sources;
    const lines = execFileSync('riscv64-unknown-elf-readelf', ['--debug-dump=rawline', PROG], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 });
    assert.ok(sources.some((s) => s.path === MAIN_C && s.name === 'main.c'), JSON.stringify(sources));
    assert.equal(new Set(sources.map((s) => s.path)).size, sources.length);
    for (const s of sources) {
      assert.ok(existsSync(s.path), `${s.path} exists`);
      assert.ok(lines.includes(`): ${path.basename(s.path)}\n`), `${s.path} in the line tables' file names`);
    }
    const { vars } = await locals(dc, f.id);
    assert.equal(vars.hartid.value, '2');
    assert.ok('spins' in vars && 'i' in vars);
    assert.equal(vars.hartid.type, 'int');
  } finally { await close(); server.close(); }
});

test('step over a line and step back across the call it made; structs and pointers', { timeout: 120000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: PROG, harts: 1 });
    await dc.setBreakpointsRequest({ source: { path: MAIN_C }, breakpoints: [{ line: 33 }] });
    const hit = await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(hit.reason, 'breakpoint');
    await dc.setBreakpointsRequest({ source: { path: MAIN_C }, breakpoints: [] });
    const at33 = { t: (await time(dc)).now, pc: (await top(dc, 1)).top.instructionPointerReference };
    assert.equal((await top(dc, 1)).top.line, 33);

    await untilStopped(dc, () => dc.nextRequest({ threadId: 1 }));           // over step_loop(10)
    const after = await top(dc, 1);
    assert.equal(after.top.line, 34);
    assert.equal((await locals(dc, after.top.id)).vars.steps.value, '56');
    assert.equal((await dc.evaluateRequest({ expression: 'steps + g_table[4]', frameId: after.top.id, context: 'watch' })).body.result, '67');

    const stops = [];
    const count = (e) => stops.push(e.body);
    dc.on('stopped', count);
    await untilStopped(dc, () => dc.stepBackRequest({ threadId: 1 }));       // back across the return of step_loop
    const back = await top(dc, 1);
    assert.equal(back.top.line, 33);
    assert.equal(back.top.instructionPointerReference, at33.pc);
    assert.equal((await time(dc)).now, at33.t, 'the landing is the state the step started from');
    await new Promise((r) => setTimeout(r, 200));
    dc.removeListener('stopped', count);
    assert.equal(stops.length, 1, 'one stopped event for one step back');

    await untilStopped(dc, () => dc.stepInRequest({ threadId: 1 }));         // into step_loop
    assert.equal((await top(dc, 1)).top.name, 'step_loop');
    assert.equal((await top(dc, 1)).top.line, 11);
    await untilStopped(dc, () => dc.stepOutRequest({ threadId: 1 }));
    assert.equal((await top(dc, 1)).top.name, 'main');
    await untilStopped(dc, () => dc.stepBackRequest({ threadId: 1 }));       // mid-line 33: back to its start
    assert.equal((await top(dc, 1)).top.instructionPointerReference, at33.pc);
    assert.equal((await time(dc)).now, at33.t);

    // run to main.c:36 (head built), expand head -> *head -> next
    await dc.setBreakpointsRequest({ source: { path: MAIN_C }, breakpoints: [{ line: 36 }] });
    await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    const f37 = (await top(dc, 1)).top;
    const { vars, scopes } = await locals(dc, f37.id);
    assert.match(vars.head.type, /struct node \*/);
    assert.ok(vars.head.variablesReference > 0, 'a pointer can be expanded');
    const deref = (await dc.variablesRequest({ variablesReference: vars.head.variablesReference })).body.variables;
    assert.equal(deref.length, 1);
    const node = (await dc.variablesRequest({ variablesReference: deref[0].variablesReference })).body.variables;
    assert.deepEqual(node.map((v) => v.name), ['val', 'color', 'next']);
    assert.equal(node[0].value, '50');
    assert.equal(node[1].value, 'GREEN', 'pool[4]: 4 % 3 == 1');
    const next = (await dc.variablesRequest({ variablesReference: node[2].variablesReference })).body.variables;
    const second = (await dc.variablesRequest({ variablesReference: next[0].variablesReference })).body.variables;
    assert.equal(second[0].value, '40');
    assert.equal(second[1].value, 'RED', 'pool[3]: 3 % 3 == 0');

    // setVariable on a local, read back by evaluate
    const set = (await dc.setVariableRequest({ variablesReference: scopes[0].variablesReference, name: 'ok', value: '0' })).body;
    assert.equal(set.value, '0');
    assert.equal((await dc.evaluateRequest({ expression: 'ok', frameId: (await top(dc, 1)).top.id, context: 'hover' })).body.result, '0');
    // a struct member through the Globals scope and an expression
    const shapes = (await dc.evaluateRequest({ expression: 'shapes[1].ncorners', frameId: (await top(dc, 1)).top.id, context: 'watch' })).body;
    assert.equal(shapes.result, '3');
    await assert.rejects(dc.evaluateRequest({ expression: 'no_such_thing + 1', frameId: (await top(dc, 1)).top.id, context: 'watch' }), /no_such_thing/);

    // goto: back in history to main.c:33 (run earlier), one stopped event with reason goto
    const targets = (await dc.gotoTargetsRequest({ source: { path: MAIN_C }, line: 33 })).body.targets;
    assert.equal(targets.length, 1);
    const gotoStops = [];
    const countGoto = (e) => gotoStops.push(e.body);
    dc.on('stopped', countGoto);
    await untilStopped(dc, () => dc.gotoRequest({ threadId: 1, targetId: targets[0].id }));
    assert.equal((await top(dc, 1)).top.line, 33);
    assert.equal((await time(dc)).now, at33.t, 'the last time hart 0 was at line 33');
    await new Promise((r) => setTimeout(r, 200));
    dc.removeListener('stopped', countGoto);
    assert.deepEqual(gotoStops.map((s) => s.reason), ['goto']);
    await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));       // to the breakpoint at 36 again

    // disassembly carries source lines
    const dis = (await dc.customRequest('disassemble', { memoryReference: f37.instructionPointerReference, instructionCount: 4 })).body.instructions;
    assert.equal(dis[0].line, 36);
    assert.equal(dis[0].location.path, MAIN_C);
  } finally { await close(); server.close(); }
});

test('terminate ends the session: terminated event; the connection still answers', { timeout: 60000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: PROG, harts: 1 });
    const terminated = dc.waitForEvent('terminated', 30000);
    await dc.terminateRequest({});
    await within(terminated, 30000, 'terminated');
    await assert.rejects(dc.stackTraceRequest({ threadId: 1 }), /ended/);
    assert.equal((await dc.customRequest('rewind/sessions', {})).body.sessions.length, 0);
  } finally { await close(); server.close(); }
});

test('data breakpoint on a C global from the Globals scope, reverse continue to its last write', { timeout: 120000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    await launchStopped(dc, { program: PROG, harts: 1 });
    await dc.setBreakpointsRequest({ source: { path: MAIN_C }, breakpoints: [{ line: 34 }] });
    await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    const f = (await top(dc, 1)).top;
    const { scopes } = await locals(dc, f.id);
    const info = (await dc.dataBreakpointInfoRequest({ variablesReference: scopes[1].variablesReference, name: 'g_counter' })).body;
    assert.match(info.dataId, /^0x[0-9a-f]+:4$/);
    await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.dataId, accessType: 'write' }] });
    const hit = await untilStopped(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(hit.reason, 'data breakpoint');
    const w = (await top(dc, 1)).top;
    assert.equal(w.name, 'step_loop');
    assert.equal(w.line, 13, 'just after the store of g_counter++ (line 15): the loop increment');
    assert.equal((await dc.evaluateRequest({ expression: 'g_counter', frameId: w.id, context: 'watch' })).body.result, '10');
  } finally { await close(); server.close(); }
});
