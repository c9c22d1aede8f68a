'use strict';
// Rewind's VS Code extension: starts the bundled adapter (runtime in ./adapter) with a Java 21+, follows the
// active Rewind session for the Bookmarks, History and Trace views and the status bar.
const path = require('path');
const fs = require('fs');
const vscode = require('vscode');
const { findJava } = require('./java');
const { cdsOptions } = require('./cds');
const { startOptions, writeCache } = require('./aot');
const { RewindState } = require('./state');
const { BookmarksView, registerBookmarkCommands } = require('./bookmarks');
const { HistoryView } = require('./history');
const { TraceView } = require('./trace');
const { StatusItem } = require('./status');
const { ConfigurationProvider } = require('./configuration');
const { SourcePreloader } = require('./preload');

/** After a stop, the program's sources are made ready this much later (the stop's own editor and views come first). */
const PRELOAD_DELAY_MS = 1000;
/** Requests that move the machine (the views wait for their stop). */
const MOVES = /^(continue|next|stepIn|stepOut|stepBack|reverseContinue|goto|restartFrame|rewind\/goTo\w+)$/;

class AdapterFactory {
  constructor(context) {
    this.context = context;
    this.pendingCache = undefined; // writes the AOT cache a start found missing or stale
  }

  /** When a session ends: the AOT cache's writer (its training run) never competes with a session's first steps. */
  writePendingCache() {
    const write = this.pendingCache;
    this.pendingCache = undefined;
    if (write) write();
  }

  createDebugAdapterDescriptor() {
    const jar = path.join(this.context.extensionPath, 'adapter', 'rewind.jar');
    if (!fs.existsSync(jar)) throw new Error(`the Rewind runtime is missing from the extension (${jar}); reinstall it`);
    const config = vscode.workspace.getConfiguration('rewind');
    let java;
    try {
      java = findJava(config.get('java.home'));
    } catch (e) {
      vscode.window.showErrorMessage(e.message, 'Open Settings').then((choice) => {
        if (choice) vscode.commands.executeCommand('workbench.action.openSettings', 'rewind.java.home');
      });
      throw e;
    }
    const storage = this.context.globalStorageUri && this.context.globalStorageUri.fsPath;
    // C1 alone and the AOT cache (Java 25+): F5 to the first stop ~1 s sooner (aot.js)
    const opts = startOptions({ java, jar, storageDir: storage,
      write: (...args) => { this.pendingCache = () => writeCache(...args); } });
    if (java.feature >= 24) opts.push('--sun-misc-unsafe-memory-access=allow');
    // opt-in: HotSpot 25.0.3 crashed once (SIGSEGV in LambdaProxyClassDictionary) starting from the dynamic archive
    if (process.env.REWIND_DAP_CDS === '1') opts.push(...cdsOptions(storage, java.feature));
    opts.push(...config.get('java.options', [])); // last: the user's options win
    return new vscode.DebugAdapterExecutable(java.java, [...opts, '-jar', jar, 'dap']);
  }
}

function activate(context) {
  const state = new RewindState();
  const factory = new AdapterFactory(context);
  const preloader = new SourcePreloader({
    open: (file) => vscode.workspace.openTextDocument(vscode.Uri.file(file)),
    openPaths: () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => d.uri.fsPath),
    shownLanguages: () => vscode.window.visibleTextEditors.map((e) => e.document.languageId),
    warm: (doc) => vscode.commands.executeCommand('_workbench.colorizeTextMateTokens', doc.uri),
  });
  const sub = (...d) => context.subscriptions.push(...d);
  sub(
    vscode.debug.registerDebugAdapterDescriptorFactory('rewind', factory),
    vscode.debug.registerDebugConfigurationProvider('rewind', new ConfigurationProvider()),
    vscode.debug.registerDebugAdapterTrackerFactory('rewind', {
      createDebugAdapterTracker: (session) => {
        // request seq -> the threadId of a request for the top frame, asked after the last stop (a request sent
        // before the stop, e.g. for the rest of the previous stop's frames, may be answered after it)
        const stackRequests = new Map();
        let stops = 0;
        return {
          onWillReceiveMessage: (m) => {
            if (m.type === 'request' && m.command === 'stackTrace' && m.arguments && !m.arguments.startFrame) {
              stackRequests.set(m.seq, { threadId: m.arguments.threadId, stops });
            } else if (m.type === 'request' && MOVES.test(m.command)) state.moving(session);
          },
          onDidSendMessage: (m) => {
            if (m.type === 'response' && m.command === 'stackTrace') {
              const asked = stackRequests.get(m.request_seq);
              stackRequests.delete(m.request_seq);
              if (m.success && asked && asked.stops === stops) state.frames(session, asked.threadId, m.body);
            } else if (m.type === 'event') {
              if (m.event === 'stopped') {
                stops++;
                state.stopped(session, m.body || {});
                if (vscode.workspace.getConfiguration('rewind').get('preloadSources', true)) {
                  setTimeout(() => preloader.preload(session), PRELOAD_DELAY_MS);
                }
              } else if (m.event === 'rewind/trace') state.traced(session, m.body);
              else if (m.event === 'rewind/traceCut') state.traceCut(session, m.body);
              else if (m.event === 'rewind/bookmarks') state.bookmarksChanged(session);
              else if (m.event === 'continued') state.notify();
            }
          },
        };
      },
    }),
    vscode.debug.onDidStartDebugSession((s) => { if (s.type === 'rewind') state.follow(s); }),
    vscode.debug.onDidChangeActiveDebugSession((s) => { if (s && s.type === 'rewind') state.follow(s); }),
    // VS Code 1.90+; elsewhere (Theia) a stop settles after its time
    vscode.debug.onDidChangeActiveStackItem ? vscode.debug.onDidChangeActiveStackItem((item) => state.focused(item))
      : new vscode.Disposable(() => undefined),
    vscode.debug.onDidTerminateDebugSession((s) => {
      state.ended(s);
      if (s.type === 'rewind') factory.writePendingCache();
    }),
    vscode.window.registerTreeDataProvider('rewind.bookmarks', new BookmarksView(state)),
    vscode.window.registerTreeDataProvider('rewind.trace', new TraceView(state)),
    vscode.window.registerWebviewViewProvider('rewind.history', new HistoryView(state)),
    new StatusItem(state),
    ...registerBookmarkCommands(state),
  );
  return { state };
}

function deactivate() {}

module.exports = { activate, deactivate };
