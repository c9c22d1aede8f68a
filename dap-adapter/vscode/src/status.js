'use strict';
// The status bar item: the session's virtual time and how far back in history it is; click to go to a time.
const vscode = require('vscode');

class StatusItem {
  constructor(state) {
    this.state = state;
    this.item = vscode.window.createStatusBarItem('rewind.time', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Rewind time';
    this.item.command = 'rewind.goToTime';
    this.listener = state.onDidChange(() => this.update());
  }

  update() {
    const t = this.state.session && this.state.time;
    if (!t) {
      this.item.hide();
      return;
    }
    const back = t.frontier - t.now;
    this.item.text = `$(history) t=${t.now.toLocaleString('en-US')}` + (back > 0 ? ` · ${back.toLocaleString('en-US')} back` : ' · live');
    this.item.tooltip = `Rewind: virtual time ${t.now} (instructions retired by all harts); recorded ${t.earliest}..${t.frontier}` +
      `${t.history === false ? ', history off' : ''}. Click to go to a time.`;
    this.item.show();
  }

  dispose() {
    this.listener.dispose();
    this.item.dispose();
  }
}

module.exports = { StatusItem };
