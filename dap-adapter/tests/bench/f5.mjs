// F5 in an editor, as a process: spawn `./rewind dap` -> `initialized` -> launch (stopOnEntry) -> the first
// `stopped` event, then disconnect. Variants alternate in every round (A/B), medians with the load average, CPU time
// (user+system of the process, all threads) at the stop, and a count of hs_err files. A variant is a set of
// environment variables for ./rewind: NAME=VAR=VALUE,VAR=VALUE (none: `default=`); F5_JAVA=OPTIONS starts
// java OPTIONS -jar rewind.jar dap instead, as the VS Code extension does.
// --run: no stopOnEntry, the program runs to its end (default bench-rv32.elf, 1.1 G instructions, with history), to
// compare what an option costs a long `continue`.
// Usage: node bench/f5.mjs [--runs 7] [--variant NAME=ENV]... [--elf FILE] [--run]
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { REWIND, ROOT, ELF } from '../lib/support.mjs';

const RUNTIME = `${ROOT}/releng/launcher/target/runtime`;
const java = () => `${readFileSync(`${RUNTIME}/.jdk`, 'utf8').trim().split(' ')[0]}/bin/java`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

export function cpuMs(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

export function frame(seq, command, args) {
  const s = JSON.stringify({ seq, type: 'request', command, arguments: args });
  return `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;
}

/** Reads DAP messages from a stream and calls onMessage for each. */
export function reader(stream, onMessage) {
  let buf = Buffer.alloc(0);
  stream.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const h = buf.indexOf('\r\n\r\n');
      if (h < 0) return;
      const len = Number(/Content-Length: (\d+)/.exec(buf.subarray(0, h).toString())[1]);
      if (buf.length < h + 4 + len) return;
      onMessage(JSON.parse(buf.subarray(h + 4, h + 4 + len).toString()));
      buf = buf.subarray(h + 4 + len);
    }
  });
}

/** One F5: {up, stop, cpu} in ms, or throws. With run: no stopOnEntry, the first stop is the program's end (or a
 *  breakpoint); run = its wall ms from configurationDone, runCpu = the process CPU in that time. */
export async function once(env, elf, run = false) {
  const t0 = process.hrtime.bigint();
  // F5_JAVA='OPTIONS': java OPTIONS -jar rewind.jar dap, as the VS Code extension starts it (the JDK ./rewind found)
  const [cmd, args] = env.F5_JAVA === undefined ? [REWIND, ['dap']] : [java(), [...env.F5_JAVA.split(' ').filter(Boolean),
    '--sun-misc-unsafe-memory-access=allow', '-jar', `${RUNTIME}/rewind.jar`, 'dap']];
  const p = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: ROOT, env: { ...process.env, ...env } });
  let err = '';
  p.stderr.on('data', (d) => { err += d; });
  const r = {};
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no stop in 300 s: ${err}`)), 300000);
    p.on('exit', (code, sig) => { clearTimeout(timer); reject(new Error(`adapter exited ${code ?? sig}: ${err}`)); });
    reader(p.stdout, (m) => {
      if (m.type === 'event' && m.event === 'initialized') {
        r.up = ms(t0);
        r.upCpu = cpuMs(p.pid);
        p.stdin.write(frame(2, 'launch', { program: elf, stopOnEntry: !run }));
        p.stdin.write(frame(3, 'configurationDone', {}));
      } else if (m.type === 'event' && m.event === 'stopped') {
        r.stop = ms(t0); r.cpu = cpuMs(p.pid); r.run = r.stop - r.up; r.runCpu = r.cpu - r.upCpu;
        clearTimeout(timer); p.removeAllListeners('exit'); resolve();
      } else if (m.type === 'response' && !m.success) {
        reject(new Error(`${m.command}: ${m.message}`));
      }
    });
    p.stdin.write(frame(1, 'initialize', { adapterID: 'rewind', linesStartAt1: true, columnsStartAt1: true,
      pathFormat: 'path', supportsInvalidatedEvent: true }));
  });
  p.stdin.end(frame(4, 'disconnect', {})); // a stdio adapter ends with its input
  const code = await new Promise((resolve) => {
    const t = setTimeout(() => p.kill('SIGKILL'), 30000);
    p.on('exit', (c, s) => { clearTimeout(t); resolve(c ?? s); });
  });
  if (code !== 0) throw new Error(`adapter exit ${code} after disconnect: ${err}`);
  return r;
}

const hsErr = () => readdirSync(ROOT).filter((f) => f.startsWith('hs_err')).length;

/** The value after command-line option {@code k}, or {@code d}. */
export const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };

/** The {@code --variant NAME=VAR=VALUE,...} options: [{ name, env }] (the adapter's environment per variant). */
export function variantArgs() {
  const variants = [];
  process.argv.forEach((a, i) => {
    if (a !== '--variant') return;
    const [name, spec] = process.argv[i + 1].split(/=(.*)/s);
    const env = {};
    for (const kv of (spec || '').split(',').filter(Boolean)) { const [k, v] = kv.split(/=(.*)/s); env[k] = v; }
    variants.push({ name, env });
  });
  return variants;
}

if (process.argv[1] && process.argv[1].endsWith('/f5.mjs')) {
  const runs = Number(arg('--runs', 7));
  const run = process.argv.includes('--run');
  const elf = arg('--elf', ELF(run ? 'bench-rv32.elf' : 'symbols-O0-rv32.elf'));
  const variants = variantArgs().map((v) => ({ ...v, rs: [] }));
  if (!variants.length) variants.push({ name: 'default', env: {}, rs: [] });
  const hs0 = hsErr();
  console.log(`F5 as a process (spawn -> initialized -> launch stopOnEntry -> stopped), ${runs} rounds, load ${load()}`);
  for (const v of variants) await once(v.env, elf, run); // warm the page cache and write any cache first
  for (let i = 0; i < runs; i++) for (const v of variants) v.rs.push(await once(v.env, elf, run));
  for (const v of variants) {
    const f = (k) => median(v.rs.map((r) => r[k])).toFixed(0);
    const range = (k) => `${Math.min(...v.rs.map((r) => r[k])).toFixed(0)}-${Math.max(...v.rs.map((r) => r[k])).toFixed(0)}`;
    console.log(`  ${v.name}: initialized ${f('up')} ms, stopped ${f('stop')} ms (${range('stop')}), cpu ${f('cpu')} ms (${range('cpu')})`
      + (run ? `; run to the stop ${f('run')} ms (${range('run')}), its cpu ${f('runCpu')} ms (${range('runCpu')})` : ''));
  }
  console.log(`load ${load()}; hs_err files: ${hsErr() - hs0} new`);
  process.exit(0);
}
