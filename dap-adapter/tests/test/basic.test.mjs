// initialize, launch on 4 harts, threads, stack, registers, over stdio and over TCP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startStdio, startServer, connect, launchStopped, registers, symbols, ELF, hex, within } from '../lib/support.mjs';

const DEMO = ELF('demo-rv32.elf');
const syms = symbols(DEMO);

async function basics(dc) {
  const { capabilities, stopped } = await launchStopped(dc, { program: DEMO, harts: 4 });
  for (const cap of ['supportsStepBack', 'supportsDataBreakpoints', 'supportsDisassembleRequest',
    'supportsReadMemoryRequest', 'supportsWriteMemoryRequest', 'supportsConfigurationDoneRequest',
    'supportsInstructionBreakpoints', 'supportsSteppingGranularity', 'supportsExceptionInfoRequest']) {
    assert.equal(capabilities[cap], true, cap);
  }
  assert.equal(stopped.reason, 'entry');
  assert.equal(stopped.allThreadsStopped, true);
  const threads = (await within(dc.threadsRequest(), 10000, 'threads')).body.threads;
  assert.deepEqual(threads.map((t) => t.name), ['hart 0', 'hart 1', 'hart 2', 'hart 3']);
  for (const t of threads) {
    const st = (await dc.stackTraceRequest({ threadId: t.id })).body.stackFrames;
    assert.ok(st.length >= 1);
    assert.equal(Number(st[0].instructionPointerReference), syms.get('_start'), `hart ${t.id - 1} at _start`);
    assert.equal(st[0].name, '_start');
  }
  const regs = await registers(dc, 3);
  assert.equal(Number(regs.pc), syms.get('_start'));
  assert.equal(Number(regs.a0), 2, 'a0 = mhartid at boot');
  assert.equal(regs.zero, '0x00000000');
}

test('stdio: launch 4 harts stopped at entry; threads, frames, registers', { timeout: 120000 }, async () => {
  const { dc, close } = await startStdio();
  try { await basics(dc); } finally { await close(); }
});

test('tcp: two clients one after another, each its own session', { timeout: 120000 }, async () => {
  const server = await startServer();
  try {
    for (let i = 0; i < 2; i++) {
      const { dc, close } = await connect(server.port);
      try { await basics(dc); } finally { await close(); }
    }
    assert.equal(server.stdout(), '', 'nothing on stdout in TCP mode');
  } finally { server.close(); }
});

test('./rewind dap: nothing on stdout when the client goes away; bad options are usage errors', { timeout: 60000 }, async () => {
  const { spawnSync } = await import('node:child_process');
  const { REWIND, ROOT } = await import('../lib/support.mjs');
  const quiet = spawnSync(REWIND, ['dap'], { cwd: ROOT, input: '', timeout: 45000 });
  assert.equal(quiet.status, 0, String(quiet.stderr));
  assert.equal(quiet.stdout.length, 0, 'stdout carries DAP only');
  const bad = spawnSync(REWIND, ['dap', '--port', '70000'], { cwd: ROOT, input: '', timeout: 45000 });
  assert.equal(bad.status, 2);
  assert.match(String(bad.stderr), /--port 70000 is outside 0\.\.65535/);
  assert.equal(bad.stdout.length, 0);
});

test('./rewind dap --train: one session on the bundled demo in-process (the AOT cache\'s training run), then exit 0', { timeout: 90000 }, async () => {
  const { spawnSync } = await import('node:child_process');
  const { REWIND, ROOT } = await import('../lib/support.mjs');
  // the breakpoint, two nexts, two stepBacks and a reverseContinue: six stops
  const run = spawnSync(REWIND, ['dap', '--train'], { cwd: ROOT, input: '', timeout: 60000 });
  assert.equal(run.status, 0, String(run.stderr));
  assert.match(String(run.stderr), /rewind dap --train: a session on rewind-train-\d+\.elf, 6 stops/);
  assert.equal(run.stdout.length, 0, 'nothing on stdout');
  const own = spawnSync(REWIND, ['dap', '--train', ELF('demo-rv32.elf')], { cwd: ROOT, input: '', timeout: 60000 });
  assert.match(String(own.stderr), /a session on demo-rv32\.elf, 6 stops/);
  const bad = spawnSync(REWIND, ['dap', '--train', '/nonexistent.elf'], { cwd: ROOT, input: '', timeout: 60000 });
  assert.equal(bad.status, 0, 'a failed training session never fails the JVM');
  assert.match(String(bad.stderr), /the session stopped early: .*nonexistent\.elf/);
});
