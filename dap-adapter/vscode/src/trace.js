'use strict';
// The Trace view: one lane per hart with what it did recently (stops, and the trace events the adapter
// forwards as `rewind/trace`); clicking an entry goes to its time.
const vscode = require('vscode');

const ICONS = { stop: 'debug-stop', call: 'symbol-function', trap: 'warning', write: 'edit', event: 'circle-small' };

class TraceView {
  constructor(state) {
    this.state = state;
    this.changed = new vscode.EventEmitter();
    this.onDidChangeTreeData = this.changed.event;
    state.onDidChange(() => this.changed.fire());
  }

  getChildren(element) {
    const s = this.state;
    if (!element) {
      const harts = Math.max(s.harts, ...[...s.trace.keys()].map((h) => h + 1), 0);
      return Array.from({ length: harts }, (_, hart) => ({ hart }));
    }
    if (element.entry) return [];
    return (s.trace.get(element.hart) || []).slice().reverse().map((entry) => ({ hart: element.hart, entry }));
  }

  getTreeItem(el) {
    if (!el.entry) {
      const n = (this.state.trace.get(el.hart) || []).length;
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
