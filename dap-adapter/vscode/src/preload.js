'use strict';
// Gets the program's source files ready for the editor once a session has stopped, so that a step into a file VS Code
// has not shown yet (a Step Back into a function inlined from a header) only has to show it:
// - opens them as documents (not editors): no read of the file when a step goes there (in code-server the content
//   comes from the server);
// - tokenizes one file of each language no editor has shown yet (a `.h` is C++ in VS Code): the first editor of a
//   language otherwise compiles the TextMate grammar's rules on the UI thread before it shows its lines (measured:
//   100-350 ms for the C++ grammar on rt.h). It runs VS Code's own `_workbench.colorizeTextMateTokens` command,
//   which tokenizes a file with the grammar the editors use; where that command is missing (other VS Code versions,
//   Theia) nothing is warmed and nothing fails.
// The files come from the adapter (`rewind/sources`: the files the line tables name that exist here), once per session.
// VS Code lets go of a document an extension opened after 3 minutes unless an editor shows it, so every stop opens
// again what is not open (an open document costs nothing).

/** At most this many files (VS Code keeps at most 50 documents opened by extensions). */
const MAX_FILES = 24;
/** Files longer than this are not tokenized to warm their language (the UI thread does it, all lines at once). */
const MAX_WARM_LINES = 2000;

class SourcePreloader {
  /**
   * @param {object} host what the preloader needs from VS Code
   * @param {(path: string) => Thenable<{languageId: string, lineCount: number, uri: unknown}>} host.open opens a
   *   document (vscode.workspace.openTextDocument)
   * @param {() => Iterable<string>} host.openPaths the file paths of the open documents
   * @param {() => Iterable<string>} host.shownLanguages the languages of the documents editors show now
   * @param {(doc: object) => Thenable<unknown>} host.warm tokenizes a document with its language's grammar
   */
  constructor(host) {
    this.host = host;
    this.files = new WeakMap(); // session -> Promise<string[]>
    this.running = new WeakSet();
    this.warmed = new Set(); // languages warmed or shown (the grammars stay compiled for the window's life)
    this.problems = [];
  }

  /** The session's source files (asked once), then opens those not open and warms new languages; never throws. */
  async preload(session) {
    if (this.running.has(session)) return [];
    this.running.add(session);
    try {
      for (const language of this.host.shownLanguages()) this.warmed.add(language);
      const open = new Set(this.host.openPaths());
      const opened = [];
      for (const file of await this.sources(session)) {
        if (open.has(file)) continue;
        try {
          const doc = await this.host.open(file);
          opened.push(file);
          await this.warm(doc);
        } catch (e) {
          this.problem(`${file}: ${e.message}`); // gone or unreadable: the editor will say so if a step goes there
        }
      }
      return opened;
    } finally {
      this.running.delete(session);
    }
  }

  sources(session) {
    if (!this.files.has(session)) {
      this.files.set(session, Promise.resolve(session.customRequest('rewind/sources', {})).then(
        (body) => ((body && body.sources) || []).map((s) => s && s.path).filter((p) => typeof p === 'string')
          .slice(0, MAX_FILES),
        (e) => { this.problem(`rewind/sources: ${e.message}`); return []; })); // an older adapter: nothing to preload
    }
    return this.files.get(session);
  }

  async warm(doc) {
    if (!doc || this.warmed.has(doc.languageId) || doc.lineCount > MAX_WARM_LINES) return;
    this.warmed.add(doc.languageId);
    try {
      await this.host.warm(doc);
    } catch (e) {
      this.problem(`warming ${doc.languageId}: ${e.message}`);
    }
  }

  problem(text) {
    this.problems.push(text);
    if (this.problems.length > 20) this.problems.shift();
  }
}

module.exports = { SourcePreloader, MAX_FILES, MAX_WARM_LINES };
