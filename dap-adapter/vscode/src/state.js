'use strict';
// What the views show about the active Rewind session: where it is in time, the history range, bookmarks,
// the stops seen and the trace entries per hart. Filled from the adapter's events and custom requests.
const vscode = require('vscode');

const MAX_STOPS = 200;
const MAX_TRACE_PER_HART = 200;
/** A stop settles when VS Code has focused its top frame (the editor moved), or after this long. */
const SETTLE_MS = 600;
/** View updates held back while the machine moves are made after this long at the latest. */
const QUIET_MS = 1000;

class RewindState {
  constructor() {
    this.changed = new vscode.EventEmitter();
    this.onDidChange = this.changed.event;
    this.session = undefined;
    this.reset();
  }

  /**
   * A run-control request of the session went out (step, continue, time travel): until its stop has settled the views
   * are not updated (the adapter's trace events come just before the stop; VS Code's own work on the stop, ending with
   * the editor on the new line, comes first).
   */
  moving(session) {
    if (session !== this.session) return;
    this.quiet = true;
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.endQuiet(), QUIET_MS);
  }

  /** Updates the views now, or when the stop has settled. */
  notify() {
    if (this.quiet || this.pendingStop) this.dirty = true;
    else this.changed.fire();
  }

  endQuiet() {
    this.quiet = false;
    clearTimeout(this.quietTimer);
    if (this.dirty && !this.pendingStop) {
      this.dirty = false;
      this.changed.fire();
    }
  }

  reset() {
    this.time = undefined; // {now, earliest, frontier, history}
    this.bookmarks = [];
    this.stops = []; // {time, hart, reason}
    this.trace = new Map(); // hart -> [{time, kind, text}]
    this.harts = 0;
    this.lastStop = undefined;
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

  /**
   * A `stopped` event of a session. The time is asked for and the views updated once VS Code has focused the stop's
   * top frame, i.e. once the editor shows the new line (its own requests and work on the stop come first: every custom
   * request and view update also passes through the workbench), or after a while if it focuses none.
   */
  stopped(session, body) {
    if (session !== this.session) this.follow(session);
    if (session !== this.session) return;
    const pending = { threadId: body.threadId, reason: body.reason, place: undefined, frameId: undefined };
    this.pendingStop = pending;
    pending.timer = setTimeout(() => this.settle(session, pending), SETTLE_MS);
  }

  /**
   * A stackTrace response VS Code received (the tracker pairs it with its request): the first one for the stopped
   * thread names the place of the stop and its top frame. No stack request of our own, so frame ids stay VS Code's.
   */
  frames(session, threadId, body) {
    // the pending stop, or the last one when it settled without its place (a busy machine: the timer came first)
    const p = this.pendingStop || this.lastStop;
    if (session !== this.session || !p || p.place || p.threadId !== threadId || !body || !body.stackFrames) return;
    const f = body.stackFrames[0];
    if (!f) return;
    p.place = f.source && f.line ? `${f.name} (${f.source.name}:${f.line})` : f.name;
    p.frameId = f.id;
    if (p !== this.pendingStop && p.entry) {
      p.entry.text = `${p.reason} in ${p.place}`;
      this.changed.fire();
    }
  }

  /** VS Code focused a thread or stack frame (vscode.debug.activeStackItem): the stop's top frame settles it. */
  focused(item) {
    const p = this.pendingStop;
    if (p && item && this.session && item.session && item.session.id === this.session.id && p.frameId !== undefined
      && item.frameId === p.frameId) {
      this.settle(this.session, p);
    }
  }

  async settle(session, p) {
    if (this.pendingStop !== p) return;
    this.pendingStop = undefined;
    this.lastStop = p;
    clearTimeout(p.timer);
    this.quiet = false;
    clearTimeout(this.quietTimer);
    this.dirty = false;
    await this.refresh();
    if (session !== this.session || !this.time || !p.threadId) return;
    const hart = p.threadId - 1;
    this.stops.push({ time: this.time.now, hart, reason: p.reason });
    if (this.stops.length > MAX_STOPS) this.stops.shift();
    p.entry = { time: this.time.now, kind: 'stop', text: p.place ? `${p.reason} in ${p.place}` : p.reason };
    this.addTrace(hart, p.entry);
    this.changed.fire();
  }

  /**
   * Trace entries forwarded by the adapter (custom event `rewind/trace`: {hart, time, kind, text}, or
   * {entries: [{hart, time, kind, text}, ...]}; kind call, trap, write or exit).
   */
  traced(session, body) {
    if (session !== this.session || !body) return;
    for (const e of Array.isArray(body.entries) ? body.entries : [body]) {
      if (e && e.hart !== undefined) this.addTrace(e.hart, { time: e.time, kind: e.kind || 'event', text: e.text || e.kind || '' });
    }
    this.notify();
  }

  /**
   * The adapter's `rewind/traceCut` {time}: what is later is not the current timeline's past any more (the session
   * travelled back, or the past was changed); the adapter sends it again when the session runs over it.
   */
  traceCut(session, body) {
    if (session !== this.session || !body || typeof body.time !== 'number') return;
    for (const [hart, lane] of this.trace) this.trace.set(hart, lane.filter((e) => e.time <= body.time));
    this.notify();
  }

  /** Adds an entry to a hart's lane, in time order (stops come from the stopped events, the rest from the adapter). */
  addTrace(hart, entry) {
    if (!this.trace.has(hart)) this.trace.set(hart, []);
    const lane = this.trace.get(hart);
    let i = lane.length;
    while (i > 0 && lane[i - 1].time > entry.time) i--;
    lane.splice(i, 0, entry);
    if (lane.length > MAX_TRACE_PER_HART) lane.shift();
  }

  /** Asks the adapter where the session is in time and which bookmarks it has. */
  /**
   * The time (and the first time, or with `all`, the bookmarks and the harts): one request per stop. The bookmarks
   * also come with the adapter's `rewind/bookmarks` event whenever they change (in the REPL, from another front end).
   */
  async refresh(all = false) {
    const session = this.session;
    if (!session) return;
    try {
      const first = all || !this.harts;
      const [time, marks, threads] = await Promise.all([
        session.customRequest('rewind/time', {}),
        first ? session.customRequest('rewind/bookmarks', {}) : Promise.resolve(undefined),
        first ? session.customRequest('threads', {}) : Promise.resolve(undefined),
      ]);
      if (session !== this.session) return;
      this.time = time;
      if (marks) this.setBookmarks(marks);
      if (threads) this.harts = threads.threads.length;
    } catch (e) {
      // Before launch has answered, or after the session ended: the views keep what they had.
      this.lastError = e.message;
    }
    this.changed.fire();
  }

  /**
   * The adapter's `rewind/bookmarks` event: the bookmarks changed. They are asked for again rather than taken from the
   * event, which may come after the answer to a later change (events and answers travel separately).
   */
  async bookmarksChanged(session) {
    if (session !== this.session) return;
    try {
      const marks = await session.customRequest('rewind/bookmarks', {});
      if (session !== this.session) return;
      const before = JSON.stringify(this.bookmarks);
      this.setBookmarks(marks);
      // after the extension's own commands it has them already: no second refresh of the views (a click on a row
      // while a view is rebuilt is lost)
      if (JSON.stringify(this.bookmarks) !== before) this.changed.fire();
    } catch (e) {
      this.lastError = e.message; // the session ended meanwhile: the views keep what they had
    }
  }

  setBookmarks(body) {
    this.bookmarks = (body.bookmarks || []).slice().sort((a, b) => a.time - b.time);
  }

  async request(command, args) {
    if (!this.session) throw new Error('No Rewind debug session is active');
    const body = await this.session.customRequest(command, args);
    await this.refresh(true);
    return body;
  }
}

module.exports = { RewindState };
