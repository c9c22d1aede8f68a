// The first Step Back of a session in a new adapter JVM, as VS Code makes it in the e2e: spawn `java OPTIONS -jar
// rewind.jar dap` (as the extension starts it), launch the demo on 4 harts with a breakpoint at demo.c:109, continue
// to it three times (with threads, stackTrace, scopes, variables at each stop), then stepBack: the request to the
// `stopped` event and to the answer of the stackTrace asked on it; the same for the second stepBack. Variants alternate
// in every round (A/B); medians (range) with the load average; F5 (spawn to the first stop) and the CPU of the process
// at the first Step Back's answer as well.
// A variant is NAME=JVM OPTIONS, e.g. none= and dap=-XX:AOTCache=/tmp/dap.aot (the caches must have been written with
// the same rewind.jar: --runtime DIR, default releng/launcher/target/runtime).
// Usage: node bench/first-stepback.mjs [--runs 7] [--runtime DIR] --variant NAME=OPTIONS...
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadavg } from 'node:os';
import { ROOT, ELF } from '../lib/support.mjs';
import { frame, reader, cpuMs, arg } from './f5.mjs';

const RUNTIME = arg('--runtime', `${ROOT}/releng/launcher/target/runtime`);
const RUNS = Number(arg('--runs', 7));
const JAVA = `${readFileSync(`${ROOT}/releng/launcher/target/runtime/.jdk`, 'utf8').trim().split(' ')[0]}/bin/java`;
const DEMO_C = path.join(ROOT, 'tests/guest/src/demo.c');
const BASE = ['-XX:TieredStopAtLevel=1', '-Xlog:disable', '-Xlog:all=warning:stderr', '--sun-misc-unsafe-memory-access=allow'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** A DAP client on a spawned adapter: request() answers with the response, stopped() with the next stop. */
function client(p) {
  let seq = 1;
  const pending = new Map();
  const stops = [];
  let waiter = null;
  reader(p.stdout, (m) => {
    if (m.type === 'response' && pending.has(m.request_seq)) {
      const { resolve, reject } = pending.get(m.request_seq);
      pending.delete(m.request_seq);
      if (m.success) resolve(m); else reject(new Error(`${m.command}: ${m.message}`));
    } else if (m.type === 'event' && m.event === 'stopped') {
      const at = process.hrtime.bigint();
      if (waiter) { const w = waiter; waiter = null; w({ ...m.body, at }); } else stops.push({ ...m.body, at });
    }
  });
  return {
    request: (command, args = {}) => new Promise((resolve, reject) => {
      const s = ++seq;
      pending.set(s, { resolve, reject });
      p.stdin.write(frame(s, command, args));
    }),
    stopped: () => (stops.length ? Promise.resolve(stops.shift()) : new Promise((r) => { waiter = r; })),
  };
}

async function inspect(dap, thread) {
  await dap.request('threads');
  const frames = (await dap.request('stackTrace', { threadId: thread, levels: 20 })).body.stackFrames;
  const scopes = (await dap.request('scopes', { frameId: frames[0].id })).body.scopes;
  await dap.request('variables', { variablesReference: scopes[0].variablesReference });
}

/** One session: F5, three stops at the breakpoint, two step backs timed. */
async function once(opts) {
  const t0 = process.hrtime.bigint();
  const p = spawn(JAVA, [...BASE, ...opts, '-jar', `${RUNTIME}/rewind.jar`, 'dap'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  p.stderr.on('data', (d) => { err += d; });
  const timer = setTimeout(() => p.kill('SIGKILL'), 120000);
  const exited = new Promise((_, reject) => p.on('exit', (c) => reject(new Error(`adapter exited ${c}: ${err}`))));
  try {
    return await Promise.race([exited, (async () => {
      const dap = client(p);
      await dap.request('initialize', { adapterID: 'rewind', linesStartAt1: true, columnsStartAt1: true, supportsInvalidatedEvent: true });
      await dap.request('launch', { program: ELF('demo-rv32.elf'), harts: 4, trace: true });
      await dap.request('setBreakpoints', { source: { path: DEMO_C }, breakpoints: [{ line: 109 }] });
      await dap.request('configurationDone');
      let stop = await dap.stopped();
      const r = { f5: ms(t0) };
      await inspect(dap, stop.threadId);
      for (let i = 0; i < 2; i++) {
        await dap.request('continue', { threadId: stop.threadId });
        stop = await dap.stopped();
        await inspect(dap, stop.threadId);
      }
      for (const key of ['first', 'second']) {
        const s0 = process.hrtime.bigint();
        await dap.request('stepBack', { threadId: stop.threadId });
        stop = await dap.stopped();
        await dap.request('threads');
        await dap.request('stackTrace', { threadId: stop.threadId, startFrame: 0, levels: 1 });
        r[key] = { stopped: Number(stop.at - s0) / 1e6, stack: ms(s0) };
        if (key === 'first') r.cpu = cpuMs(p.pid);
        await inspect(dap, stop.threadId);
      }
      await dap.request('disconnect', { terminateDebuggee: true }).catch(() => undefined);
      return r;
    })()]);
  } finally {
    clearTimeout(timer);
    p.kill('SIGKILL');
  }
}

const variants = [];
process.argv.forEach((a, i) => {
  if (a !== '--variant') return;
  const [name, spec] = process.argv[i + 1].split(/=(.*)/s);
  variants.push({ name, opts: spec.split(' ').filter(Boolean) });
});
const results = Object.fromEntries(variants.map((v) => [v.name, []]));
const loads = [load()];
for (let round = 0; round < RUNS; round++) {
  for (const v of variants) results[v.name].push(await once(v.opts));
  loads.push(load());
}
const f = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;
console.log(`${RUNS} rounds, load ${loads[0]} -> ${loads.at(-1)}`);
for (const v of variants) {
  const rs = results[v.name];
  console.log(`${v.name.padEnd(10)} F5 ${f(rs.map((r) => r.f5))}  first stepBack: stopped ${f(rs.map((r) => r.first.stopped))}, `
    + `stackTrace ${f(rs.map((r) => r.first.stack))}  second: stopped ${f(rs.map((r) => r.second.stopped))}, `
    + `stackTrace ${f(rs.map((r) => r.second.stack))}  CPU at the first step back ${f(rs.map((r) => r.cpu))}`);
}
