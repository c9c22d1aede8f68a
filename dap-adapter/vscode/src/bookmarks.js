'use strict';
// The Bookmarks view and its commands (add, go to, rename, delete), on the adapter's rewind/* requests.
const vscode = require('vscode');

class BookmarksView {
  constructor(state) {
    this.state = state;
    this.changed = new vscode.EventEmitter();
    this.onDidChangeTreeData = this.changed.event;
    state.onDidChange(() => this.changed.fire());
  }

  getChildren(element) {
    if (element) return [];
    return this.state.bookmarks.map((b) => ({ name: b.name, time: b.time }));
  }

  getTreeItem(b) {
    const item = new vscode.TreeItem(b.name, vscode.TreeItemCollapsibleState.None);
    // a stable id: an inline action clicked while the view refreshes still reaches its bookmark
    item.id = `bookmark:${b.name}`;
    const now = this.state.time && this.state.time.now;
    item.description = `t=${b.time}${now === b.time ? ' (here)' : ''}`;
    item.tooltip = `Bookmark ${b.name} at virtual time ${b.time}: click to go there`;
    item.contextValue = 'bookmark';
    item.iconPath = new vscode.ThemeIcon(now === b.time ? 'bookmark' : 'circle-outline');
    item.command = { command: 'rewind.goToBookmark', title: 'Go to Bookmark', arguments: [b] };
    return item;
  }
}

async function pickBookmark(state, given, placeHolder) {
  if (given && given.name) return given.name;
  await state.refresh(true);
  if (!state.bookmarks.length) throw new Error('The session has no bookmarks yet');
  const pick = await vscode.window.showQuickPick(
    state.bookmarks.map((b) => ({ label: b.name, description: `t=${b.time}` })), { placeHolder });
  return pick && pick.label;
}

function registerBookmarkCommands(state) {
  const run = (fn) => async (...args) => {
    try {
      await fn(...args);
    } catch (e) {
      vscode.window.showErrorMessage(`Rewind: ${e.message}`);
    }
  };
  return [
    vscode.commands.registerCommand('rewind.addBookmark', run(async (name) => {
      const suggested = `bookmark ${state.bookmarks.length + 1}`;
      const chosen = typeof name === 'string' ? name : await vscode.window.showInputBox({
        title: 'Rewind: add a bookmark at the current time', value: suggested, prompt: 'Bookmark name',
        validateInput: (v) => (v.trim() ? undefined : 'A bookmark needs a name'),
      });
      if (chosen) await state.request('rewind/addBookmark', { name: chosen.trim() });
    })),
    vscode.commands.registerCommand('rewind.goToBookmark', run(async (b) => {
      const name = await pickBookmark(state, b, 'Go to which bookmark?');
      if (name) await state.request('rewind/goToBookmark', { name });
    })),
    vscode.commands.registerCommand('rewind.renameBookmark', run(async (b, given) => {
      const name = await pickBookmark(state, b, 'Rename which bookmark?');
      if (!name) return;
      const newName = typeof given === 'string' ? given : await vscode.window.showInputBox({
        title: `Rewind: rename bookmark ${name}`, value: name, prompt: 'New name',
        validateInput: (v) => (v.trim() ? undefined : 'A bookmark needs a name'),
      });
      if (newName && newName.trim() !== name) await state.request('rewind/renameBookmark', { name, newName: newName.trim() });
    })),
    vscode.commands.registerCommand('rewind.deleteBookmark', run(async (b) => {
      const name = await pickBookmark(state, b, 'Delete which bookmark?');
      if (name) await state.request('rewind/deleteBookmark', { name });
    })),
    vscode.commands.registerCommand('rewind.goToTime', run(async (t) => {
      const cur = state.time;
      const value = t !== undefined ? String(t) : await vscode.window.showInputBox({
        title: 'Rewind: go to virtual time',
        prompt: cur ? `Recorded range ${cur.earliest}..${cur.frontier}, now ${cur.now}` : 'Virtual time',
        value: cur ? String(cur.now) : '',
        validateInput: (v) => (/^\d+$/.test(v.trim()) ? undefined : 'A time is a whole number of instructions'),
      });
      if (value !== undefined && value !== '') await state.request('rewind/goToTime', { time: Number(value) });
    })),
    vscode.commands.registerCommand('rewind.saveRecording', run(async () => {
      const uri = await vscode.window.showSaveDialog({ filters: { 'Rewind recording': ['rwd'] }, title: 'Save the session as a recording' });
      if (!uri) return;
      const r = await state.request('rewind/saveRecording', { path: uri.fsPath });
      vscode.window.showInformationMessage(`Rewind: recording saved to ${r.path} (end time ${r.endTime})`);
    })),
    vscode.commands.registerCommand('rewind.refresh', run(() => state.refresh(true))),
    vscode.commands.registerCommand('rewind.goToTraceEntry', run((time) => state.request('rewind/goToTime', { time }))),
  ];
}

module.exports = { BookmarksView, registerBookmarkCommands };
