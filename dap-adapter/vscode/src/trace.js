'use strict';
// The Trace view: one lane per hart with what it did recently (stops, and the trace events the adapter
// forwards as `rewind/trace`); clicking an entry goes to its time. Lanes are updated one by one (src/lanes.js).
const vscode = require('vscode');
const { Lanes } = require('./lanes');

const ICONS = { stop: 'debug-stop', call: 'symbol-function', trap: 'warning', write: 'edit', event: 'circle-small' };

class TraceView {
  constructor(state) {
    this.state = state;
    this.lanes = new Lanes();
    this.changed = new vscode.EventEmitter();
    this.onDidChangeTreeData = this.changed.event;
    state.onDidChange(() => this.update());
  }

  harts() {
    const s = this.state;
    return Math.max(s.harts, ...[...s.trace.keys()].map((h) => h + 1), 0);
  }

  entries(hart) {
    return this.state.trace.get(hart) || [];
  }

  /** The state changed: the whole tree when the lanes changed, else only the lanes whose entries changed. */
  update() {
    const changes = this.lanes.changes(this.harts(), (hart) => this.entries(hart));
    if (changes === 'all') this.changed.fire();
    else if (changes.length) this.changed.fire(changes);
  }

  getChildren(element) {
    if (!element) return this.lanes.elements(this.harts());
    if (element.entry) return [];
    const entries = this.entries(element.hart);
    this.lanes.shown(element, entries);
    return entries.slice().reverse().map((entry) => ({ hart: element.hart, entry }));
  }

  getTreeItem(el) {
    if (!el.entry) {
      const entries = this.entries(el.hart);
      this.lanes.shown(el, entries);
      const n = entries.length;
      const item = new vscode.TreeItem(`hart ${el.hart}`, vscode.TreeItemCollapsibleState.Expanded);
      item.description = n ? `${n} entr${n === 1 ? 'y' : 'ies'}` : 'nothing yet';
      item.contextValue = 'lane';
      item.id = `lane-${el.hart}`;
      return item;
    }
    const e = el.entry;
    const item = new vscode.TreeItem(`t=${e.time}`, vscode.TreeItemCollapsibleState.None);
    item.description = e.text;
    item.tooltip = `hart ${el.hart}, time ${e.time}: ${e.kind} ${e.text}`;
    item.iconPath = new vscode.ThemeIcon(ICONS[e.kind] || ICONS.event);
    item.command = { command: 'rewind.goToTraceEntry', title: 'Go to This Time', arguments: [e.time] };
    return item;
  }
}

module.exports = { TraceView };
