// Bad input gets clear error responses and the adapter keeps serving: malformed messages, unknown requests,
// requests in the wrong state, unknown thread/frame ids, bad memory references, an ELF that is not RISC-V.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, connect, launchStopped, ELF, within } from '../lib/support.mjs';

const DEMO = ELF('demo-rv32.elf');

/** A raw TCP client: sends bytes, collects framed DAP messages. */
function raw(port) {
  return new Promise((resolve, reject) => {
    const sock = net.createConnection(port, '127.0.0.1', () => resolve(client));
    sock.on('error', reject);
    let buf = Buffer.alloc(0);
    const messages = [];
    const waiters = [];
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const head = buf.indexOf('\r\n\r\n');
        if (head < 0) break;
        const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())[1]);
        if (buf.length < head + 4 + len) break;
        messages.push(JSON.parse(buf.subarray(head + 4, head + 4 + len).toString()));
        buf = buf.subarray(head + 4 + len);
      }
      for (const w of waiters.splice(0)) w();
    });
    const client = {
      send: (text) => sock.write(text),
      frame: (obj) => { const b = Buffer.from(JSON.stringify(obj)); sock.write(`Content-Length: ${b.length}\r\n\r\n`); sock.write(b); },
      response: (seq, ms = 10000) => within(new Promise((res) => {
        const look = () => { const m = messages.find((x) => x.type === 'response' && x.request_seq === seq); if (m) res(m); else waiters.push(look); };
        look();
      }), ms, `response to ${seq}`),
      close: () => sock.destroy(),
    };
  });
}

test('malformed messages and unknown requests: error responses, still serving', { timeout: 60000 }, async () => {
  const server = await startServer();
  try {
    const c = await raw(server.port);
    c.send('Content-Length: 12\r\n\r\n{"seq":1,"ty');             // truncated JSON, completed by garbage
    c.send('Content-Length: 2\r\n\r\n}}');
    c.send('Content-Length: 5\r\n\r\n[1,2]');                      // JSON, not a message
    c.frame({ seq: 3, type: 'request', command: 'flyToTheMoon', arguments: {} });
    const unknown = await c.response(3);
    assert.equal(unknown.success, false);
    assert.match(unknown.message, /flyToTheMoon|[Uu]nsupported|not found/);
    c.frame({ seq: 4, type: 'request', command: 'threads' });     // before launch: no threads, no error
    assert.deepEqual((await c.response(4)).body.threads, []);
    c.frame({ seq: 5, type: 'request', command: 'stackTrace', arguments: { threadId: 1 } });
    const early = await c.response(5);
    assert.equal(early.success, false);
    assert.match(early.message, /launch or attach first/);
    c.frame({ seq: 6, type: 'request', command: 'initialize', arguments: { adapterID: 'rewind' } });
    const init = await c.response(6);
    assert.equal(init.success, true);
    assert.equal(init.body.supportsStepBack, true);
    c.close();
  } finally { server.close(); }
});

test('wrong ids, bad references, a non-RISC-V ELF: clear errors, the session goes on', { timeout: 120000 }, async () => {
  const server = await startServer();
  const { dc, close } = await connect(server.port);
  try {
    const initialized = dc.waitForEvent('initialized', 30000);
    await dc.initializeRequest();
    await within(initialized, 30000, 'initialized');
    await assert.rejects(dc.launchRequest({ program: '/bin/true' }), /RISC-V|not a|ELF|machine/i);
    await assert.rejects(dc.launchRequest({ program: '/no/such/file.elf' }), /does not exist/);
    await assert.rejects(dc.launchRequest({}), /'program'/);
    await assert.rejects(dc.launchRequest({ program: DEMO, harts: 'many' }), /harts/);
    await dc.launchRequest({ program: DEMO, harts: 2, stopOnEntry: true });
    const stopped = dc.waitForEvent('stopped', 30000);
    await dc.configurationDoneRequest();
    await within(stopped, 30000, 'stopped');
    await assert.rejects(dc.launchRequest({ program: DEMO }), /already debugs/);
    await assert.rejects(dc.stackTraceRequest({ threadId: 9 }), /unknown thread 9: the threads are 1\.\.2/);
    await assert.rejects(dc.nextRequest({ threadId: 0 }), /unknown thread 0/);
    await assert.rejects(dc.scopesRequest({ frameId: 424242 }), /unknown frame id 424242/);
    await assert.rejects(dc.variablesRequest({ variablesReference: 777777 }), /unknown variablesReference/);
    await assert.rejects(dc.customRequest('readMemory', { memoryReference: 'banana', count: 4 }), /memoryReference 'banana'/);
    await assert.rejects(dc.customRequest('readMemory', { memoryReference: '0x80000000', count: -1 }), /count/);
    await assert.rejects(dc.customRequest('writeMemory', { memoryReference: '0x80000000', data: '***' }), /base64/);
    await assert.rejects(dc.customRequest('disassemble', { memoryReference: 'xyz', instructionCount: 2 }), /memoryReference/);
    await assert.rejects(dc.evaluateRequest({ expression: '$nosuchreg', context: 'watch' }), /no register/);
    await assert.rejects(dc.evaluateRequest({ expression: 'goto', context: 'repl' }), /usage: goto/);
    await assert.rejects(dc.customRequest('rewind/goToBookmark', { name: 'nope' }), /nope/);
    await assert.rejects(dc.customRequest('rewind/goToTime', {}), /needs 'time'/);
    await assert.rejects(dc.configurationDoneRequest(), /already sent/);
    const bad = (await dc.customRequest('setDataBreakpoints', { breakpoints: [{ dataId: 'garbage' }] })).body.breakpoints;
    assert.equal(bad[0].verified, false);
    assert.match(bad[0].message, /0xADDRESS:LENGTH/);
    const info = (await dc.dataBreakpointInfoRequest({ name: 'no_such_variable' })).body;
    assert.equal(info.dataId ?? null, null);
    assert.match(info.description, /no_such_variable/);
    // still serving
    const threads = (await dc.threadsRequest()).body.threads;
    assert.equal(threads.length, 2);
  } finally { await close(); server.close(); }
});

test('attach to a live session by id from a second client; the session outlives it', { timeout: 120000 }, async () => {
  const server = await startServer();
  const a = await connect(server.port);
  try {
    await launchStopped(a.dc, { program: DEMO, harts: 2 });
    const sessions = (await a.dc.customRequest('rewind/sessions', {})).body.sessions;
    assert.equal(sessions.length, 1);
    const b = await connect(server.port);
    const initialized = b.dc.waitForEvent('initialized', 30000);
    await b.dc.initializeRequest();
    await within(initialized, 30000, 'initialized');
    await assert.rejects(b.dc.attachRequest({ session: 'zz' }), /no session 'zz'/);
    await b.dc.attachRequest({ session: sessions[0].id });
    const stoppedB = b.dc.waitForEvent('stopped', 30000);
    await b.dc.configurationDoneRequest();
    await within(stoppedB, 30000, 'stopped at attach');
    // a step by client A is seen by client B
    const seen = b.dc.waitForEvent('stopped', 30000);
    await a.dc.stepInRequest({ threadId: 1, granularity: 'instruction' });
    assert.equal((await within(seen, 30000, 'stop seen by B')).body.reason, 'step');
    await b.dc.disconnectRequest({});
    await b.close();
    assert.equal((await a.dc.threadsRequest()).body.threads.length, 2, 'A still debugs after B left');
  } finally { await a.close(); server.close(); }
});
