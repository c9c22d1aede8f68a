// DAP round trips through DebugClient over TCP, medians: next, stepBack at 1e8 instructions of history on
// 4 harts, stackTrace+scopes+variables; and the adapter's process start (bench/startup.mjs).
// Usage: node bench/bench.mjs [--depth 100000000] [--runs 30] [--only inspect|startup]
import { startup } from './startup.mjs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { startServer, connect, launchStopped, untilStopped, within, ELF, ROOT } from '../lib/support.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const DEPTH = arg('--depth', 1e8);
const ONLY = (() => { const i = process.argv.indexOf('--only'); return i > 0 ? process.argv[i + 1] : null; })(); // inspect | startup
const load = () => `load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;
const RUNS = arg('--runs', 30);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x) => x.toFixed(2) + ' ms';

async function roundTrips(port) {
  const { dc, close } = await connect(port);
  const out = {};
  try {
    await launchStopped(dc, { program: ELF('demo-rv32.elf'), harts: 1 });
    const g = { threadId: 1, granularity: 'instruction' };
    for (let i = 0; i < 200; i++) await untilStopped(dc, () => dc.nextRequest(g)); // warm up
    const next = [];
    for (let i = 0; i < RUNS; i++) { const t0 = process.hrtime.bigint(); await untilStopped(dc, () => dc.nextRequest(g)); next.push(ms(t0)); }
    out.next = next;
    const line = [];
    for (let i = 0; i < RUNS; i++) { const t0 = process.hrtime.bigint(); await untilStopped(dc, () => dc.nextRequest({ threadId: 1 })); line.push(ms(t0)); }
    out.line = line;
    const inspect = [];
    for (let i = 0; i < RUNS + 10; i++) {
      const t0 = process.hrtime.bigint();
      const st = await dc.stackTraceRequest({ threadId: 1 });
      const sc = await dc.scopesRequest({ frameId: st.body.stackFrames[0].id });
      await dc.variablesRequest({ variablesReference: sc.body.scopes[0].variablesReference });
      if (i >= 10) inspect.push(ms(t0));
    }
    out.inspect = inspect;
  } finally { await close(); }
  return out;
}

/** At a stop in C (symbols-O0, main.c:36, 1 hart): stackTrace + scopes + variables of Locals and of Globals. */
async function inspectSource(port) {
  const { dc, close } = await connect(port);
  try {
    await launchStopped(dc, { program: ELF('symbols-O0-rv32.elf'), harts: 1 });
    await dc.setBreakpointsRequest({ source: { path: path.join(ROOT, 'tests/guest/src/symbols/main.c') }, breakpoints: [{ line: 36 }] });
    await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
    const times = [];
    for (let i = 0; i < RUNS + 10; i++) {
      const t0 = process.hrtime.bigint();
      const st = await dc.stackTraceRequest({ threadId: 1 });
      const sc = await dc.scopesRequest({ frameId: st.body.stackFrames[0].id });
      await dc.variablesRequest({ variablesReference: sc.body.scopes[0].variablesReference });
      await dc.variablesRequest({ variablesReference: sc.body.scopes[1].variablesReference });
      if (i >= 10) times.push(ms(t0));
    }
    return times;
  } finally { await close(); }
}

/** The same at 20 different stops (breakpoints on both lines of step_loop's body, 10 rounds): nothing asked before. */
async function inspectEachStop(port) {
  const { dc, close } = await connect(port);
  try {
    await launchStopped(dc, { program: ELF('symbols-O0-rv32.elf'), harts: 1 });
    await dc.setBreakpointsRequest({ source: { path: path.join(ROOT, 'tests/guest/src/symbols/main.c') }, breakpoints: [{ line: 14 }, { line: 15 }] });
    const times = [];
    const parts = { stackTrace: [], scopes: [], locals: [], globals: [] };
    const lap = (name, t) => { const now = process.hrtime.bigint(); parts[name].push(Number(now - t) / 1e6); return now; };
    for (let i = 0; i < 20; i++) {
      await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
      const t0 = process.hrtime.bigint();
      const st = await dc.stackTraceRequest({ threadId: 1 });
      let t = lap('stackTrace', t0);
      const sc = await dc.scopesRequest({ frameId: st.body.stackFrames[0].id });
      t = lap('scopes', t);
      await dc.variablesRequest({ variablesReference: sc.body.scopes[0].variablesReference });
      t = lap('locals', t);
      await dc.variablesRequest({ variablesReference: sc.body.scopes[1].variablesReference });
      lap('globals', t);
      times.push(ms(t0));
    }
    times.parts = Object.entries(parts).map(([k, v]) => `${k} ${fmt(median(v))}`).join(', ');
    return times;
  } finally { await close(); }
}

async function stepBackAtDepth(port) {
  const { dc, close } = await connect(port);
  try {
    await launchStopped(dc, { program: ELF('ttbench-rv32.elf'), harts: 4 });
    const t0 = process.hrtime.bigint();
    const stopped = dc.waitForEvent('stopped', 600000);
    await within(dc.customRequest('rewind/goToTime', { time: DEPTH }), 600000, 'goToTime');
    await within(stopped, 600000, 'stopped');
    const runMs = ms(t0);
    const first = process.hrtime.bigint();
    await untilStopped(dc, () => dc.stepBackRequest({ threadId: 2, granularity: 'instruction' }));
    const firstMs = ms(first);
    const back = [];
    for (let i = 0; i < RUNS; i++) { const s = process.hrtime.bigint(); await untilStopped(dc, () => dc.stepBackRequest({ threadId: 2, granularity: 'instruction' })); back.push(ms(s)); }
    const backLine = [];
    for (let i = 0; i < RUNS; i++) { const s = process.hrtime.bigint(); await untilStopped(dc, () => dc.stepBackRequest({ threadId: 2 })); backLine.push(ms(s)); }
    return { runMs, firstMs, back, backLine };
  } finally { await close(); }
}

if (ONLY !== 'startup') {
  const server = await startServer();
  try {
    const src = await inspectSource(server.port);
    console.log(`stackTrace + scopes + variables (Locals) + variables (Globals) at main.c:36 of symbols-O0, asked again at one stop, median of ${RUNS}: ${fmt(median(src))} (${load()})`);
    const each = await inspectEachStop(server.port);
    console.log(`the same at 20 different stops (main.c:14/15 in step_loop), median: ${fmt(median(each))}, first ${fmt(each[0])} (${load()})`);
    console.log(`  medians of its parts: ${each.parts}`);
    if (ONLY !== 'inspect') {
      const rt = await roundTrips(server.port);
      console.log(`next over an instruction (1 hart), median of ${RUNS}: ${fmt(median(rt.next))} (${load()})`);
      console.log(`next over a C line (1 hart), median of ${RUNS}: ${fmt(median(rt.line))} (${load()})`);
      console.log(`stackTrace + scopes + variables (Locals) in the demo, median of ${RUNS}: ${fmt(median(rt.inspect))} (${load()})`);
      const sb = await stepBackAtDepth(server.port);
      console.log(`stepBack on 4 harts at ${DEPTH.toExponential()} instructions of history (run to there: ${(sb.runMs / 1000).toFixed(1)} s):`);
      console.log(`  one instruction: first ${fmt(sb.firstMs)}, median of the next ${RUNS}: ${fmt(median(sb.back))} (${load()})`);
      console.log(`  over a C line: median of ${RUNS}: ${fmt(median(sb.backLine))} (${load()})`);
    }
  } finally { server.close(); }
}
if (ONLY === null || ONLY === 'startup') await startup(7);
process.exit(0);
