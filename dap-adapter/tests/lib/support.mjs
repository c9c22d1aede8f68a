// Shared by the DAP tests and the bench: start the adapter (./rewind dap over stdio, or --port 0 over TCP),
// fixtures and their symbols (riscv64-unknown-elf-nm), and bounded waits.
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url)); // dap-adapter/tests/lib
export const ROOT = path.resolve(here, '../../..');
export const REWIND = path.join(ROOT, 'rewind');
export const ELF = (name) => path.join(ROOT, 'tests/guest/elf', name);

/** Rejects when `promise` does not settle within `ms` (DebugClient has no timeouts over TCP). */
export function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms); }),
  ]);
}

/** The defined symbols of an ELF: name -> address (number). */
export function symbols(elf) {
  const out = execFileSync('riscv64-unknown-elf-nm', [elf], { encoding: 'utf8' });
  const map = new Map();
  for (const line of out.split('\n')) {
    const m = /^([0-9a-f]+) \w (\S+)$/.exec(line.trim());
    if (m) map.set(m[2], parseInt(m[1], 16));
  }
  return map;
}

export const hex = (n) => '0x' + n.toString(16);

/** The adapter as `./rewind dap` on stdio. */
export async function startStdio() {
  const dc = new DebugClient(REWIND, 'dap', 'rewind', { cwd: ROOT, env: { ...process.env } }, false);
  dc.defaultTimeout = 30000;
  await dc.start();
  const proc = dc._adapterProcess;
  started.add(proc);
  return { dc, close: async () => { await within(dc.stop(), 10000, 'stop'); killTree(proc); } };
}

/** A `./rewind dap --port 0` server (`options`: the launcher's own, before `dap`); resolves with its port once it listens. */
export function startServer(options = []) {
  return new Promise((resolve, reject) => {
    const proc = spawn(REWIND, [...options, 'dap', '--port', '0'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    started.add(proc);
    let err = '';
    let out = '';
    const timer = setTimeout(() => { killTree(proc); reject(new Error('server did not start: ' + err)); }, 60000);
    proc.stdout.on('data', (d) => { out += d; });
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(err);
      if (m && !proc.port) {
        proc.port = Number(m[1]);
        clearTimeout(timer);
        resolve({ port: proc.port, proc, stdout: () => out, stderr: () => err, close: () => killTree(proc) });
      }
    });
    proc.on('exit', (code) => { clearTimeout(timer); if (!proc.port) reject(new Error(`server exited ${code}: ${err}`)); });
  });
}

/** A DebugClient connected to a running TCP server. */
export async function connect(port) {
  const dc = new DebugClient('node', 'unused', 'rewind');
  dc.defaultTimeout = 30000;
  await within(dc.start(port), 10000, 'connect');
  // DebugClient leaves its socket without an error listener: a reset by the adapter after a disconnect (it closes the
  // connection once it answered) would surface as an uncaught exception in whatever test runs then. Kept for tests.
  const errors = [];
  dc._socket.on('error', (e) => errors.push(e));
  return { dc, errors, close: async () => { await within(dc.stop(), 10000, 'stop').catch(() => {}); } };
}

// Every adapter process started here dies with the test process, whatever a timed-out test left behind.
const started = new Set();
process.on('exit', () => { for (const p of started) killTree(p); });

export function killTree(proc) {
  if (!proc || proc.exitCode !== null) return;
  try { process.kill(-proc.pid, 'SIGKILL'); } catch { try { proc.kill('SIGKILL'); } catch { /* gone */ } }
}

/** initialize (client capabilities and `client`) + launch + configurationDone, stopped at the entry; resolves with the stopped event. */
export async function launchStopped(dc, args, client = {}) {
  const initialized = dc.waitForEvent('initialized', 30000);
  const init = await within(dc.initializeRequest({ adapterID: 'rewind', clientID: 'rewind-tests', linesStartAt1: true,
    columnsStartAt1: true, pathFormat: 'path', supportsInvalidatedEvent: true, supportsMemoryReferences: true,
    supportsVariableType: true, supportsProgressReporting: true, ...client }), 30000, 'initialize');
  await within(initialized, 30000, 'initialized');
  await within(dc.launchRequest({ stopOnEntry: true, ...args }), 30000, 'launch');
  const stopped = dc.waitForEvent('stopped', 30000);
  await within(dc.configurationDoneRequest(), 30000, 'configurationDone');
  return { capabilities: init.body, stopped: (await within(stopped, 30000, 'stopped')).body };
}

/** Sends a request that moves the machine and waits for the stopped event it causes. */
export async function untilStopped(dc, request, ms = 60000) {
  const stopped = dc.waitForEvent('stopped', ms);
  await within(request(), ms, 'request');
  return (await within(stopped, ms, 'stopped')).body;
}

/** All registers (Registers scope) of the top frame of a thread: name -> value text. */
export async function registers(dc, threadId) {
  const st = await within(dc.stackTraceRequest({ threadId, startFrame: 0, levels: 1 }), 10000, 'stackTrace');
  const frameId = st.body.stackFrames[0].id;
  const scopes = await within(dc.scopesRequest({ frameId }), 10000, 'scopes');
  const regs = scopes.body.scopes.find((s) => s.name === 'Registers');
  const vars = await within(dc.variablesRequest({ variablesReference: regs.variablesReference }), 10000, 'variables');
  return Object.fromEntries(vars.body.variables.map((v) => [v.name, v.value]));
}

export async function time(dc) {
  return (await within(dc.customRequest('rewind/time', {}), 10000, 'rewind/time')).body;
}
