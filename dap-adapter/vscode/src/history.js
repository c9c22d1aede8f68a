'use strict';
// The History view: the current time on a slider over the recorded range, bookmarks and stops marked on
// the track; dragging the slider or clicking the track or a mark goes to that time.
const vscode = require('vscode');

class HistoryView {
  constructor(state) {
    this.state = state;
    state.onDidChange(() => this.post());
  }

  resolveWebviewView(view) {
    this.view = view;
    view.webview.options = { enableScripts: true };
    view.webview.html = page();
    view.webview.onDidReceiveMessage((m) => {
      if (m.type === 'goTo' && Number.isFinite(m.time)) {
        vscode.commands.executeCommand('rewind.goToTraceEntry', Math.round(m.time));
      } else if (m.type === 'ready') {
        this.post();
      }
    });
    view.onDidChangeVisibility(() => this.post());
  }

  post() {
    if (!this.view) return;
    const s = this.state;
    this.view.webview.postMessage({
      type: 'state',
      time: s.time || null,
      bookmarks: s.bookmarks,
      stops: s.stops.map((x) => ({ time: x.time, hart: x.hart, reason: x.reason })),
    });
  }
}

function page() {
  const nonce = Math.random().toString(36).slice(2);
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
 body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 4px 8px; }
 #track { position: relative; height: 18px; margin: 2px 7px 0 7px; cursor: pointer; border-bottom: 1px solid var(--vscode-panel-border); }
 .mark { position: absolute; top: 0; width: 8px; margin-left: -4px; height: 16px; }
 .stop { background: var(--vscode-debugIcon-stopForeground, #e51400); width: 2px; margin-left: -1px; opacity: .8; }
 .bookmark { color: var(--vscode-debugIcon-breakpointForeground, #e51400); font-size: 12px; line-height: 16px; text-align: center; }
 .bookmark::before { content: '\\25C6'; }
 #slider { width: 100%; margin: 4px 0; }
 #now { font-weight: bold; }
 .row { display: flex; justify-content: space-between; opacity: .85; }
 #empty { opacity: .7; }
</style></head><body>
<div id="empty">No Rewind session is stopped.</div>
<div id="panel" hidden>
 <div>time <span id="now"></span> <span id="back"></span></div>
 <div id="track" title="click to go to that time"></div>
 <input id="slider" type="range" min="0" max="1" step="1" aria-label="virtual time">
 <div class="row"><span id="earliest"></span><span id="frontier"></span></div>
</div>
<script nonce="${nonce}">
 const vscode = acquireVsCodeApi();
 const $ = (id) => document.getElementById(id);
 let cur = null;
 const frac = (t) => cur.frontier > cur.earliest ? (t - cur.earliest) / (cur.frontier - cur.earliest) : 0;
 function render(m) {
   cur = m.time;
   $('empty').hidden = !!cur; $('panel').hidden = !cur;
   if (!cur) return;
   $('now').textContent = cur.now.toLocaleString('en-US');
   const back = cur.frontier - cur.now;
   $('back').textContent = back > 0 ? '(' + back.toLocaleString('en-US') + ' back)' : '(at the frontier)';
   $('earliest').textContent = String(cur.earliest); $('frontier').textContent = String(cur.frontier);
   const s = $('slider'); s.min = cur.earliest; s.max = cur.frontier; s.value = cur.now;
   const track = $('track'); track.textContent = '';
   for (const x of m.stops) add(track, 'mark stop', x.time, 'stop: ' + x.reason + ' on hart ' + x.hart + ' at ' + x.time);
   for (const b of m.bookmarks) add(track, 'mark bookmark', b.time, 'bookmark ' + b.name + ' at ' + b.time);
   document.body.dataset.now = cur.now; document.body.dataset.bookmarks = m.bookmarks.length; document.body.dataset.stops = m.stops.length;
 }
 function add(track, cls, t, title) {
   const d = document.createElement('div'); d.className = cls; d.title = title; d.dataset.time = t;
   d.style.left = (100 * frac(t)) + '%';
   d.addEventListener('click', (e) => { e.stopPropagation(); vscode.postMessage({ type: 'goTo', time: t }); });
   track.appendChild(d);
 }
 $('track').addEventListener('click', (e) => {
   if (!cur) return;
   const r = e.currentTarget.getBoundingClientRect();
   const f = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
   vscode.postMessage({ type: 'goTo', time: cur.earliest + f * (cur.frontier - cur.earliest) });
 });
 $('slider').addEventListener('change', (e) => vscode.postMessage({ type: 'goTo', time: Number(e.target.value) }));
 window.addEventListener('message', (e) => { if (e.data.type === 'state') render(e.data); });
 vscode.postMessage({ type: 'ready' });
</script></body></html>`;
}

module.exports = { HistoryView };
