'use strict';
// What the views show about the active Rewind session: where it is in time, the history range, bookmarks,
// the stops seen and the trace entries per hart. Filled from the adapter's events and custom requests.
const vscode = require('vscode');

const MAX_STOPS = 200;
const MAX_TRACE_PER_HART = 200;

class RewindState {
  constructor() {
    this.changed = new vscode.EventEmitter();
    this.onDidChange = this.changed.event;
    this.session = undefined;
    this.reset();
  }

  reset() {
    this.time = undefined; // {now, earliest, frontier, history}
    this.bookmarks = [];
    this.stops = []; // {time, hart, reason}
    this.trace = new Map(); // hart -> [{time, kind, text}]
    this.harts = 0;
  }

  /** The session the views follow: the active debug session when it is a Rewind one. */
  follow(session) {
    if (session && session.type !== 'rewind') return;
    if (this.session === session) return;
    this.session = session;
    this.reset();
    vscode.commands.executeCommand('setContext', 'rewind.active', !!session);
    if (session) this.refresh();
    else this.changed.fire();
  }

  ended(session) {
    if (this.session === session) this.follow(undefined);
  }

  /** A `stopped` event of a session: refresh the time and remember the stop; its place comes with the next stackTrace. */
  async stopped(session, body) {
    if (session !== this.session) this.follow(session);
    if (session !== this.session) return;
    await this.refresh();
    const hart = body.threadId ? body.threadId - 1 : undefined;
    if (this.time && hart !== undefined) {
      this.stops.push({ time: this.time.now, hart, reason: body.reason });
      if (this.stops.length > MAX_STOPS) this.stops.shift();
      const entry = { time: this.time.now, kind: 'stop', text: body.reason };
      this.addTrace(hart, entry);
      this.pendingPlace = { threadId: body.threadId, entry, reason: body.reason };
    }
    this.changed.fire();
  }

  /**
   * A stackTrace response VS Code received (the tracker pairs it with its request): the first one for the stopped
   * thread names the place of the stop in the Trace view. No request of our own, so frame ids stay VS Code's.
   */
  frames(session, threadId, body) {
    const p = this.pendingPlace;
    if (session !== this.session || !p || p.threadId !== threadId || !body || !body.stackFrames) return;
    this.pendingPlace = undefined;
    const f = body.stackFrames[0];
    if (!f) return;
    const where = f.source && f.line ? `${f.name} (${f.source.name}:${f.line})` : f.name;
    p.entry.text = `${p.reason} in ${where}`;
    this.changed.fire();
  }

  /** A trace entry forwarded by the adapter (custom event `rewind/trace`: {hart, time, kind, text}). */
  traced(session, body) {
    if (session !== this.session || !body || body.hart === undefined) return;
    this.addTrace(body.hart, { time: body.time, kind: body.kind || 'event', text: body.text || body.kind || '' });
    this.changed.fire();
  }

  addTrace(hart, entry) {
    if (!this.trace.has(hart)) this.trace.set(hart, []);
    const lane = this.trace.get(hart);
    lane.push(entry);
    if (lane.length > MAX_TRACE_PER_HART) lane.shift();
  }

  /** Asks the adapter where the session is in time and which bookmarks it has. */
  async refresh() {
    const session = this.session;
    if (!session) return;
    try {
      const [time, marks, threads] = await Promise.all([
        session.customRequest('rewind/time', {}),
        session.customRequest('rewind/bookmarks', {}),
        this.harts ? Promise.resolve(undefined) : session.customRequest('threads', {}),
      ]);
      if (session !== this.session) return;
      this.time = time;
      this.bookmarks = (marks.bookmarks || []).slice().sort((a, b) => a.time - b.time);
      if (threads) this.harts = threads.threads.length;
    } catch (e) {
      // Before launch has answered, or after the session ended: the views keep what they had.
      this.lastError = e.message;
    }
    this.changed.fire();
  }

  async request(command, args) {
    if (!this.session) throw new Error('No Rewind debug session is active');
    const body = await this.session.customRequest(command, args);
    await this.refresh();
    return body;
  }
}

module.exports = { RewindState };
