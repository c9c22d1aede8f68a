// Process start of the DAP adapter, phase by phase, median of several runs, with the load average:
//   initialize   spawn -> the initialize response (the launcher answers it while the runtime starts)
//   runtime up   spawn -> the initialized event (Felix, SCR and the DAP bundle up, the request replayed)
//   cpu          CPU time of the process (user + system, all threads) when runtime is up: load-independent
// for ./rewind dap (class-data archive of the dap classes) and java -jar rewind.jar dap (no archive), next to the
// JVM alone (java -version). Usage: node bench/startup.mjs [--runs 7]; bench.mjs runs it at its end.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { REWIND, ROOT } from '../lib/support.mjs';

const RUNTIME = path.join(ROOT, 'releng/launcher/target/runtime');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

function java() {
  const [home] = readFileSync(path.join(RUNTIME, '.jdk'), 'utf8').trim().split(' ');
  return path.join(home, 'bin', 'java');
}

function cpuMs(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 1000 / 100; // clock ticks of 10 ms
}

/** One start: {init, up, cpu} in ms; the adapter then ends normally (standard input closed). */
async function once(cmd, args) {
  const request = JSON.stringify({ seq: 1, type: 'request', command: 'initialize',
    arguments: { adapterID: 'rewind', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' } });
  const t0 = process.hrtime.bigint();
  const p = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'ignore'], cwd: ROOT });
  p.stdin.write(`Content-Length: ${Buffer.byteLength(request)}\r\n\r\n${request}`);
  const r = {};
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} ${args.join(' ')}: no initialized event in 60 s`)), 60000);
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
      if (r.init === undefined && out.includes('"command":"initialize"')) r.init = ms(t0);
      if (out.includes('"event":"initialized"')) { r.up = ms(t0); r.cpu = cpuMs(p.pid); clearTimeout(timer); resolve(); }
    });
  });
  p.stdin.end(); // the adapter exits (and writes its class-data archive when there was none)
  await new Promise((resolve) => { const t = setTimeout(() => p.kill('SIGKILL'), 30000); p.on('exit', () => { clearTimeout(t); resolve(); }); });
  return r;
}

async function series(name, cmd, args, runs) {
  const rs = [];
  for (let i = 0; i < runs; i++) rs.push(await once(cmd, args));
  const f = (k) => median(rs.map((r) => r[k])).toFixed(0);
  console.log(`  ${name}: initialize ${f('init')} ms, runtime up ${f('up')} ms, cpu ${f('cpu')} ms (load ${load()})`);
}

export async function startup(runs = 7) {
  // ./rewind remembers its JDK (runtime/.jdk) and the first dap that exits writes the archive
  if (!readdirSync(RUNTIME).some((f) => f.startsWith('cds-dap-'))) await once(REWIND, ['dap']);
  const jvm = [];
  for (let i = 0; i < runs; i++) { const t0 = process.hrtime.bigint(); spawnSync(java(), ['-version'], { stdio: 'ignore' }); jvm.push(ms(t0)); }
  console.log(`process start of the DAP adapter, median of ${runs} (wall ms from spawn; cpu = user+system of the process):`);
  console.log(`  JVM alone (java -version): ${median(jvm).toFixed(0)} ms (load ${load()})`);
  await series('./rewind dap (class-data archive)', REWIND, ['dap'], runs);
  await series('java -jar rewind.jar dap (no archive)', java(), ['-jar', path.join(RUNTIME, 'rewind.jar'), 'dap'], runs);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const i = process.argv.indexOf('--runs');
  await startup(i > 0 ? Number(process.argv[i + 1]) : 7);
  process.exit(0);
}
