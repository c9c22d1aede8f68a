// Small helpers over VS Code's workbench DOM (code-server 4.100 = VS Code 1.100), each wait bounded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class Ui {
  constructor(page, shots) {
    this.page = page;
    this.shots = shots;
    mkdirSync(shots, { recursive: true });
  }

  async shot(name) {
    await this.page.screenshot({ path: join(this.shots, `${name}.png`) });
  }

  /** Runs a command from the palette by its title; retried until it is offered (contributions load late). */
  async command(title, timeout = 60000) {
    const p = this.page;
    const deadline = Date.now() + timeout;
    for (;;) {
      await p.keyboard.press('F1');
      const input = p.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill(`>${title}`);
      const row = p.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      const seen = await row.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
      if (seen) {
        await input.press('Enter');
        return;
      }
      await input.press('Escape');
      if (Date.now() > deadline) throw new Error(`the command "${title}" was not offered in the palette within ${timeout} ms`);
      await p.waitForTimeout(1000);
    }
  }

  /** The editor cursor line from the status bar ("Ln 109, Col 5"), or 0. */
  async cursorLine() {
    const text = await this.page.locator('[id="status.editor.selection"]').textContent({ timeout: 5000 }).catch(() => '');
    const m = /Ln (\d+)/.exec(text || '');
    return m ? Number(m[1]) : 0;
  }

  /** Waits until the status bar shows the cursor on a line satisfying pred; returns it. */
  async waitLine(pred, timeout = 30000) {
    const h = await this.page.waitForFunction((src) => {
      const el = document.getElementById('status.editor.selection');
      const m = el && /Ln (\d+)/.exec(el.textContent);
      const line = m ? Number(m[1]) : 0;
      // eslint-disable-next-line no-new-func
      return new Function('l', `return (${src})(l)`)(line) ? line : false;
    }, pred.toString(), { timeout, polling: 'raf' });
    return h.jsonValue();
  }

  /** Texts of the rows of a view's list (Call Stack, Variables, a tree view), by a CSS scope. */
  async rows(scope) {
    return this.page.locator(`${scope} .monaco-list-row`).allTextContents();
  }

  async waitRows(scope, pred, what, timeout = 30000) {
    const deadline = Date.now() + timeout;
    let rows = [];
    while (Date.now() < deadline) {
      rows = await this.rows(scope);
      if (pred(rows)) return rows;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`${what}: not seen within ${timeout} ms; rows of ${scope}: ${JSON.stringify(rows)}`);
  }

  /**
   * Expands a tree row (by its text) until pred holds for the rows of the view; bounded. A click can be undone by
   * the view's own refresh (VS Code refetches the Variables view ~0.4 s after a stop and renders its scopes anew).
   */
  async expandRowUntil(scope, text, pred, what, timeout = 15000) {
    const deadline = Date.now() + timeout;
    const row = this.page.locator(`${scope} .monaco-list-row`, { hasText: text }).first();
    let rows = [];
    while (Date.now() < deadline) {
      rows = await this.rows(scope);
      if (pred(rows)) return rows;
      if ((await row.getAttribute('aria-expanded', { timeout: 2000 }).catch(() => null)) === 'false') {
        await row.click({ timeout: 2000 }).catch(() => undefined);
      }
      await this.page.waitForTimeout(200);
    }
    throw new Error(`${what}: not seen within ${timeout} ms; rows of ${scope}: ${JSON.stringify(rows)}`);
  }

  /** The Rewind status bar item's text. */
  async statusTime() {
    return (await this.page.locator('[id="rewind.rewind-debug.rewind.time"], [id$="rewind.time"]').first().textContent({ timeout: 5000 })) || '';
  }

  /** The virtual time in the Rewind status bar item ("t=17,090 · 3 back"). */
  async statusTimeNumber() {
    const m = /t=([\d,]+)/.exec(await this.statusTime());
    if (!m) throw new Error(`no time in the Rewind status bar item: ${await this.statusTime()}`);
    return Number(m[1].replace(/,/g, ''));
  }

  /** Waits until the Rewind status bar item shows a time satisfying pred (given as a function source); returns it. */
  async waitStatusTime(pred, timeout = 30000) {
    const h = await this.page.waitForFunction((src) => {
      for (const e of document.querySelectorAll('.statusbar-item')) {
        const m = /t=([\d,]+)/.exec(e.textContent);
        // eslint-disable-next-line no-new-func
        if (m) { const t = Number(m[1].replace(/,/g, '')); return new Function('t', `return (${src})(t)`)(t) ? t : false; }
      }
      return false;
    }, pred.toString(), { timeout, polling: 100 });
    return h.jsonValue();
  }

  /**
   * Clicks a debug toolbar action and times what the user sees, in the page's own clock: from the click event to the
   * first animation frame in which the editor shows the new line, i.e. the active editor's cursor line (its
   * highlighted line number) satisfies pred, the top stack frame's line decoration is in that editor, and the status
   * bar says the same line. Playwright's own work before the click (actionability checks) and after the frame (the
   * answer's way back to node) is left out. Returns {line, ms, clickedAt, shownAt (ms since the epoch, to line up with
   * the adapter's timeline), steps: {ms after the click: what the editor showed from then on}}.
   * REWIND_E2E_PROFILE=FILE: a CPU profile of the workbench (Chrome DevTools format) over the first timed action.
   */
  async timedToolbar(icon, pred, timeout = 30000) {
    await this.page.evaluate(({ icon, src }) => {
      const state = { clicked: 0, shown: 0, line: 0, origin: performance.timeOrigin, steps: {}, last: '' };
      window.__rewindTimed = state;
      // eslint-disable-next-line no-new-func
      const want = new Function('l', `return (${src})(l)`);
      const onClick = (e) => {
        if (!e.target.closest || !e.target.closest(`.codicon-${icon}`)) return;
        state.clicked = performance.now();
        document.removeEventListener('click', onClick, true);
      };
      document.addEventListener('click', onClick, true);
      const frame = () => {
        if (state.clicked && !state.shown) {
          const status = /Ln (\d+)/.exec(document.getElementById('status.editor.selection')?.textContent || '');
          const group = document.querySelector('.editor-group-container.active');
          const editor = group && group.querySelector('.editor-container .monaco-editor');
          const active = editor && editor.querySelector('.line-numbers.active-line-number')?.textContent.trim();
          const decorated = !!(editor && editor.querySelector('.debug-top-stack-frame-line'));
          const seen = `${group && group.querySelector('.tab.active')?.textContent.trim()}: Ln ${status && status[1]}, ` +
            `line number ${active}${decorated ? ', top frame decoration' : ''}`;
          if (seen !== state.last) state.steps[Math.round(performance.now() - state.clicked)] = state.last = seen;
          if (status && decorated && active === status[1] && want(Number(status[1]))) {
            state.shown = performance.now();
            state.line = Number(status[1]);
            return;
          }
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }, { icon, src: pred.toString() });
    const cdp = process.env.REWIND_E2E_PROFILE && !this.profiled ? await this.startProfile() : undefined;
    await this.toolbar(icon);
    const h = await this.page.waitForFunction(() => window.__rewindTimed.shown > 0 && window.__rewindTimed, null,
      { timeout, polling: 'raf' });
    if (cdp) writeFileSync(process.env.REWIND_E2E_PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const { clicked, shown, line, origin, steps } = await h.jsonValue();
    return { line, ms: Math.round(shown - clicked), clickedAt: origin + clicked, shownAt: origin + shown, steps };
  }

  /**
   * What a user does before the next step: looks at the stop for a moment. VS Code's own work after a stop (the rest
   * of the call stack 0.42 s later, the Variables view's refresh) is then done, and the next step is timed alone
   * rather than queued behind it.
   */
  async lookAtTheStop() {
    await this.page.waitForTimeout(1000);
  }

  async startProfile() {
    this.profiled = true;
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    return cdp;
  }

  async toolbar(icon) {
    const b = this.page.locator(`.action-label.codicon-${icon} >> visible=true`).first();
    await b.waitFor({ state: 'visible', timeout: 10000 });
    await b.click();
  }

  /**
   * Types text into a quick input and accepts it; presses Enter again (on the input only) while the input stays open,
   * bounded: on a loaded machine a keystroke can reach the quick input before it is ready for it.
   */
  async submit(input, text, timeout = 20000) {
    const deadline = Date.now() + timeout;
    await input.fill(text);
    while (Date.now() < deadline) {
      await input.press('Enter', { timeout: 2000 }).catch(() => undefined);
      if (await input.waitFor({ state: 'hidden', timeout: 2000 }).then(() => true, () => false)) return;
      if ((await input.inputValue({ timeout: 1000 }).catch(() => text)) !== text) await input.fill(text).catch(() => undefined);
    }
    throw new Error(`the quick input did not accept "${text}" within ${timeout} ms`);
  }

  /** Clicks an inline action of a tree row (shown on hover) until `done` resolves truthy; bounded. */
  async clickInline(row, icon, done, timeout = 20000) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      await row.hover({ timeout: 5000 }).catch(() => undefined);
      const clicked = await row.locator(`.action-label.codicon-${icon}`).click({ timeout: 2000 }).then(() => true, () => false);
      const settle = Date.now() + (clicked ? 5000 : 0);
      do {
        if (await done().catch(() => false)) return;
        await this.page.waitForTimeout(100);
      } while (Date.now() < settle);
    }
    throw new Error(`the inline action ${icon} did not take effect within ${timeout} ms`);
  }

  /** Clicks a row until `done` resolves truthy, each click given 5 s to take effect; bounded. */
  async clickUntil(row, done, timeout = 30000) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      await row.click({ timeout: 5000 }).catch(() => undefined);
      const settle = Date.now() + 5000;
      do {
        if (await done().catch(() => false)) return;
        await this.page.waitForTimeout(100);
      } while (Date.now() < settle);
    }
    throw new Error(`a click on ${row} did not take effect within ${timeout} ms`);
  }

  /** Expands a collapsed view of the side bar by its title (e.g. "Rewind Bookmarks"). */
  async expandView(title) {
    const header = this.page.locator('.pane-header', { hasText: title }).first();
    await header.waitFor({ state: 'visible', timeout: 15000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  }

  async collapseView(title) {
    const header = this.page.locator('.pane-header', { hasText: title }).first();
    await header.waitFor({ state: 'visible', timeout: 15000 });
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }

  /** The frame of the History webview (the one holding the slider). */
  async historyFrame(timeout = 20000) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      for (const f of this.page.frames()) {
        if (await f.locator('#slider').count().catch(() => 0)) return f;
      }
      await this.page.waitForTimeout(200);
    }
    throw new Error(`the History view's webview did not appear within ${timeout} ms`);
  }
}
