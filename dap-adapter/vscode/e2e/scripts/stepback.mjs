// Where a Step Back's time goes, from the adapter's message timeline (REWIND_DAP_TRACE, written by the e2e test to
// ../target/e2e/dap-trace.log). For each stepBack request: when the adapter sent the stopped event, when VS Code asked
// for the threads and the stopped thread's top frame and when that answer went out (then the editor can move), and
// every request VS Code sent until the next action (run control or time travel) or 3 s, with its latency. For the step
// backs the test timed in the page (figures.json beside the trace: click and frame showing the new line, wall clock),
// also when the click came and when the editor showed the line, relative to the request.
// Usage: node scripts/stepback.mjs [TRACE]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const file = process.argv[2] || new URL('../../target/e2e/dap-trace.log', import.meta.url).pathname;
const figuresFile = join(dirname(file), 'figures.json');
const timed = existsSync(figuresFile) ? JSON.parse(readFileSync(figuresFile, 'utf8')).stepBacks || [] : [];
const ACTIONS = /^(stepBack|continue|next|stepIn|stepOut|reverseContinue|goto|pause|rewind\/goTo\w+)$/;
const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => {
  const [t, dir, kind, name, seq, ...rest] = l.split(' ');
  return { t: Number(t), dir, kind, name, seq, rest: rest.join(' ') };
});
const f = (x) => (x === undefined ? '-' : x.toFixed(1));
for (let i = 0; i < lines.length; i++) {
  const s = lines[i];
  if (s.dir !== '<' || s.kind !== 'request' || s.name !== 'stepBack') continue;
  const t0 = s.t;
  const asked = new Map();
  const done = [];
  let stopped, threads, topAsked, topAnswered;
  for (let j = i + 1; j < lines.length && lines[j].t - t0 < 3000; j++) {
    const m = lines[j];
    if (m.dir === '<' && m.kind === 'request' && ACTIONS.test(m.name)) break;
    if (m.kind === 'event' && m.name === 'stopped' && stopped === undefined) stopped = m.t - t0;
    if (m.dir === '<' && m.kind === 'request') {
      asked.set(m.seq, m);
      if (m.name === 'threads' && threads === undefined && stopped !== undefined) threads = m.t - t0;
      if (m.name === 'stackTrace' && topAsked === undefined && stopped !== undefined) topAsked = m;
    }
    if (m.dir === '>' && m.kind === 'response' && asked.has(m.seq)) {
      const r = asked.get(m.seq);
      if (r === topAsked && topAnswered === undefined) topAnswered = m.t - t0;
      done.push(`${r.name}${r.rest ? ' ' + r.rest : ''} at ${f(r.t - t0)} ms, answered in ${f(m.t - r.t)} ms`);
    }
  }
  const user = timed.find((x) => x.clickedAt <= t0 && t0 <= x.shownAt);
  const seen = user ? `clicked at ${f(user.clickedAt - t0)} ms, editor on the new line at ${f(user.shownAt - t0)} ms; ` : '';
  console.log(`stepBack: ${seen}stopped event at ${f(stopped)} ms; VS Code asked for threads at ${f(threads)} ms, for the top frame at ` +
    `${f(topAsked && topAsked.t - t0)} ms, answered at ${f(topAnswered)} ms; ${done.length} requests:`);
  for (const d of done) console.log(`  ${d}`);
  if (user) for (const [ms, seen] of Object.entries(user.steps || {})) console.log(`  page at ${f(Number(ms) + user.clickedAt - t0)} ms: ${seen}`);
}
