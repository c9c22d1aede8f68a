// The VSIX in a real VS Code (code-server 4.100.3 = VS Code 1.100) driven by Playwright in Debian's chromium:
// debug the bundled demo backwards, every step checked in the workbench DOM. Screenshots: ../target/e2e/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startCodeServer, installExtension } from '../lib/codeserver.mjs';
import { Ui } from '../lib/ui.mjs';

const HERE = new URL('..', import.meta.url).pathname;
const ROOT = join(HERE, '..', '..', '..');
const VSIX = join(HERE, '..', 'target', 'rewind-debug-0.1.0.vsix');
const SHOTS = join(HERE, '..', 'target', 'e2e');
const DAP_TRACE = join(SHOTS, 'dap-trace.log'); // e2e/scripts/stepback.mjs reads the step backs out of it
const BREAK_LINE = 109; // count_item(item); in hart_main (tests/guest/src/demo.c)
const COUNT_ITEM = [90, 102]; // count_item's lines: the writes of items_produced

function workspace(dir) {
  const ws = join(dir, 'demo');
  mkdirSync(join(ws, '.vscode'), { recursive: true });
  cpSync(join(ROOT, 'tests', 'guest', 'elf', 'demo-rv32.elf'), join(ws, 'demo-rv32.elf'));
  cpSync(join(ROOT, 'tests', 'guest', 'src', 'demo.c'), join(ws, 'demo.c'));
  cpSync(join(ROOT, 'tests', 'guest', 'rt'), join(ws, 'rt'), { recursive: true }); // inlined rt.h, start.S
  writeFileSync(join(ws, '.vscode', 'launch.json'), JSON.stringify({
    version: '0.2.0',
    configurations: [{ type: 'rewind', request: 'launch', name: 'demo on 4 harts', program: '${workspaceFolder}/demo-rv32.elf',
      harts: 4, sourceDirectories: ['${workspaceFolder}'], trace: true }],
  }, null, 2));
  const settings = { 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false,
    'workbench.tips.enabled': false, 'editor.minimap.enabled': false,
    'rewind.java.home': process.env.REWIND_E2E_JAVA_HOME || process.env.JAVA_HOME || '' };
  mkdirSync(join(dir, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(dir, 'user-data', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return ws;
}

test('debug the demo backwards in VS Code: breakpoint, 4 harts, step back, reverse continue to a data breakpoint, bookmark, variables, history, trace',
  { timeout: 300000 }, async () => {
    assert.ok(existsSync(VSIX), `no VSIX at ${VSIX}: build it first (npm run package)`);
    const dir = mkdtempSync(join(tmpdir(), 'rewind-e2e-'));
    let server, browser;
    const figures = {};
    try {
      const ws = workspace(dir);
      assert.match(installExtension(dir, VSIX), /successfully installed/i);
      mkdirSync(SHOTS, { recursive: true });
      rmSync(DAP_TRACE, { force: true });
      server = await startCodeServer(dir, { REWIND_DAP_TRACE: DAP_TRACE }); // the adapter's message timeline
      browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', timeout: 60000,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
          '--disable-sync', '--no-first-run'] });
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      page.setDefaultTimeout(30000);
      const ui = new Ui(page, SHOTS);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`, { timeout: 60000 });
      await page.locator('.monaco-workbench .statusbar').waitFor({ timeout: 60000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'demo.c' }).waitFor({ timeout: 60000 });

      // A breakpoint in C source: open demo.c, go to the line, F9; the glyph shows in the margin.
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'demo.c' }).click();
      await page.locator('.monaco-editor .view-lines').first().waitFor();
      await page.keyboard.press('Control+g');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type(String(BREAK_LINE));
      await page.keyboard.press('Enter');
      await ui.waitLine((l) => l === 109);
      await ui.command('Toggle Breakpoint');
      await page.locator('.monaco-editor .codicon-debug-breakpoint').first().waitFor({ timeout: 10000 });

      // Run and Debug: start; first stop in the UI (Call Stack paused, cursor on the line).
      await page.keyboard.press('Control+Shift+d');
      const play = page.locator('.debug-view-content .codicon-debug-start, .debug-start-view .codicon-debug-start, .start-debug-action-item .codicon-debug-start').first();
      await play.waitFor({ state: 'visible' });
      const t0 = Date.now();
      await play.click();
      await ui.waitRows('.debug-call-stack', (r) => r.some((x) => /hit breakpoint|Paused on breakpoint/i.test(x)), 'stop at the breakpoint', 60000);
      await ui.waitLine((l) => l === 109, 30000);
      figures.f5ToStopMs = Date.now() - t0;

      // All 4 harts in the Call Stack.
      const rows = await ui.waitRows('.debug-call-stack', (r) => [0, 1, 2, 3].every((h) => r.some((x) => x.startsWith(`hart ${h}`)))
        && r.some((x) => /hart_main.*demo\.c.*109/.test(x)), 'hart 0..3 in the Call Stack and the frame hart_main demo.c:109');
      assert.equal(rows.filter((x) => /^hart \d/.test(x)).length, 4, `four harts: ${JSON.stringify(rows)}`);
            await ui.collapseView('Watch');
      await ui.collapseView('Breakpoints');
      await ui.expandView('Rewind History');
      await ui.shot('1-breakpoint-4-harts');

      // Status bar: the time; History view: the slider.
      await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /t=[\d,]+/.test(e.textContent)), null, { timeout: 15000 });

      // Continue twice (the harts count their first items), each time to the breakpoint again, later in time.
      let last = await ui.statusTimeNumber();
      for (let i = 0; i < 2; i++) {
        await ui.toolbar('debug-continue');
        await page.waitForFunction((t) => [...document.querySelectorAll('.statusbar-item')].some((e) => {
          const m = /t=([\d,]+)/.exec(e.textContent);
          return m && Number(m[1].replace(/,/g, '')) > t;
        }), last, { timeout: 30000 });
        await ui.waitLine((l) => l === 109, 30000);
        last = await ui.statusTimeNumber();
      }

      // Step Back: the editor shows the previous line (push(item); on 108).
      const stopTime = await ui.statusTimeNumber();
      // timed in the page from the click to the frame showing the new line in the editor (ui.timedToolbar); the
      // wall time in node (with Playwright's actionability checks and round trips) as well
      await ui.lookAtTheStop();
      const t1 = Date.now();
      const back = await ui.timedToolbar('debug-step-back', (l) => l !== 109 && l > 0, 30000);
      figures.stepBackToLineMs = back.ms;
      figures.stepBacks = [{ clickedAt: back.clickedAt, shownAt: back.shownAt, steps: back.steps }];
      figures.stepBackToLineWallMs = Date.now() - t1;
      // the line executed before count_item(item): the end of push(item), inlined (rt_unlock in rt.h) in this -O2 demo
      await ui.waitRows('.debug-call-stack', (r) => r.some((x) => /^hart_main(demo\.c108|rt\.h\d+)/.test(x)), 'hart_main one line earlier after the step back');
      const backTime = await ui.waitStatusTime(new Function('t', `return t < ${stopTime}`));
      assert.ok(backTime < stopTime, `stepped back in time: ${backTime} < ${stopTime}`);
      await ui.shot('2-step-back');

      // A data breakpoint on items_produced from the Variables view (Globals), then Reverse Continue.
      const itemsRow = page.locator('.debug-variables .monaco-list-row', { hasText: /^\s*items_produced =/ }).first();
      await ui.expandRowUntil('.debug-variables', 'Globals', (r) => r.some((x) => /^\s*items_produced =/.test(x)),
        'items_produced in Globals', 15000);
      await itemsRow.click({ button: 'right' });
      const menuItem = page.locator('.monaco-menu .action-label', { hasText: 'Break on Value Change' }).first();
      await menuItem.waitFor({ state: 'visible', timeout: 10000 });
      await menuItem.hover();
      await page.keyboard.press('Enter');
      await page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden', timeout: 10000 });
      await ui.expandView('Breakpoints');
      await page.locator('.debug-breakpoints .monaco-list-row', { hasText: 'items_produced' }).first().waitFor({ timeout: 15000 });
      await ui.collapseView('Breakpoints');
      await ui.toolbar('debug-reverse-continue');
      await ui.waitRows('.debug-call-stack', (r) => r.some((x) => /hit watchpoint|Paused on data breakpoint/i.test(x)), 'reverse continue to the data breakpoint', 60000);
      const writeLine = await ui.waitLine((l) => l >= 90 && l <= 102, 30000);
      await ui.waitStatusTime(new Function('t', `return t < ${backTime}`));
      assert.ok(writeLine >= COUNT_ITEM[0] && writeLine <= COUNT_ITEM[1], `a write of items_produced in count_item, line ${writeLine}`);

      // A variable in the Variables view: count_item's `item` in Locals.
      const item = page.locator('.debug-variables .monaco-list-row', { hasText: /^\s*item =/ }).first();
      await item.waitFor({ state: 'visible', timeout: 15000 });
      const itemValue = (await item.textContent()).replace(/^\s*item =/, '').trim();
      assert.match(itemValue, /^(0x[0-9a-f]+|\d+)$/, `item's value ${itemValue}`);

      // Add a bookmark here (palette), see it in the Bookmarks view with the status bar's time.
      const here = await ui.statusTime();
      const hereT = Number(/t=([\d,]+)/.exec(here)[1].replace(/,/g, ''));
      await ui.expandView('Rewind Bookmarks');
      await ui.command('Rewind: Add Bookmark Here');
      const nameInput = page.locator('.quick-input-widget input');
      await nameInput.waitFor({ state: 'visible' });
      await ui.submit(nameInput, 'culprit');
      const mark = page.locator('.monaco-list-row', { hasText: 'culprit' }).first();
      await mark.waitFor({ state: 'visible', timeout: 15000 });
      assert.match(await mark.textContent(), new RegExp(`t=${hereT}`));
      await ui.shot('3-data-breakpoint-bookmark');

      // Move on (step over twice), then go to the bookmark by clicking it: back to its time.
      await ui.toolbar('debug-step-over');
      await page.waitForFunction((t) => [...document.querySelectorAll('.statusbar-item')].some((e) => /t=[\d,]+/.test(e.textContent) && !e.textContent.includes(`t=${t}`)),
        hereT.toLocaleString('en-US'), { timeout: 30000 });
      await ui.clickInline(mark, 'debug-step-into', () => page.evaluate((t) => [...document.querySelectorAll('.statusbar-item')]
        .some((e) => e.textContent.includes(`t=${t}`)), hereT.toLocaleString('en-US')), 30000);
      await ui.waitRows('.debug-call-stack', (r) => r.some((x) => /went to time|Paused on goto/i.test(x)), 'paused on goto (bookmark)');
      await ui.waitLine(new Function('l', `return l === ${writeLine}`), 15000); // back at the bookmark: the write again

      // History view: now = the bookmark, one bookmark and the stops marked on the track.
      const history = await ui.historyFrame();
      await history.waitForFunction((t) => document.body.dataset.now === String(t), hereT, { timeout: 15000 });
      const marks = await history.evaluate(() => ({ bookmarks: document.querySelectorAll('.bookmark').length,
        stops: document.querySelectorAll('.stop').length, back: document.getElementById('back').textContent }));
      assert.equal(marks.bookmarks, 1);
      assert.ok(marks.stops >= 5, `stops on the track: ${marks.stops}`);
      assert.match(marks.back, /back\)/);

      // Trace view: a lane per hart
      await ui.expandView('Rewind Trace'); // stops with their functions
      const trace = await ui.waitRows('.pane:has(> .pane-header:has-text("Rewind Trace"))',
        (r) => r.some((x) => /^hart 0/.test(x)) && r.some((x) => /^t=\d+data breakpoint in count_item \(demo\.c:\d+\)/.test(x)), 'trace lanes');
      assert.ok(trace.some((x) => /^hart \d+\d+ entries/.test(x)), `a lane with entries: ${JSON.stringify(trace)}`);
      assert.ok(trace.some((x) => new RegExp(`^t=${hereT}goto in count_item`).test(x)), `the go to the bookmark in the trace: ${JSON.stringify(trace)}`);
      await ui.shot('4-history-trace');

      // Step Back within demo.c, three times: each moves the editor to another line, earlier in time.
      figures.stepBackSameFileMs = [];
      figures.stepBackSameFileWallMs = [];
      let line = await ui.cursorLine();
      let time = hereT;
      for (let i = 0; i < 3; i++) {
        await ui.lookAtTheStop();
        const t2 = Date.now();
        const prev = line;
        const step = await ui.timedToolbar('debug-step-back', new Function('l', `return l > 0 && l !== ${prev}`), 30000);
        line = step.line;
        figures.stepBackSameFileMs.push(step.ms);
        figures.stepBacks.push({ clickedAt: step.clickedAt, shownAt: step.shownAt, steps: step.steps });
        figures.stepBackSameFileWallMs.push(Date.now() - t2);
        time = await ui.waitStatusTime(new Function('t', `return t < ${time}`));
      }

      // History view: click the bookmark's mark on the track: back at the bookmark's time.
      await history.locator('.bookmark').first().click();
      await ui.waitStatusTime(new Function('t', `return t === ${hereT}`));
      await history.waitForFunction((t) => document.body.dataset.now === String(t), hereT, { timeout: 15000 });

      // Bookmarks view: rename inline, then delete inline.
      const renameInput = page.locator('.quick-input-widget input');
      const renameTitle = page.locator('.quick-input-widget .quick-input-title', { hasText: 'rename bookmark' });
      const picker = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'culprit' });
      await ui.clickInline(mark, 'edit', () => renameTitle.or(picker).first().isVisible());
      // an action that reached a row while the view refreshed comes without its bookmark: the command asks which one
      if (await picker.first().isVisible()) await picker.first().click();
      await renameTitle.waitFor({ state: 'visible', timeout: 15000 });
      await ui.submit(renameInput, 'lost-update');
      // in the Bookmarks view only (a closed quick pick keeps its rows in the page)
      const renamed = page.locator('.pane:has(> .pane-header:has-text("Rewind Bookmarks")) .monaco-list-row', { hasText: 'lost-update' }).first();
      await renamed.waitFor({ state: 'visible', timeout: 15000 });
      assert.match(await renamed.textContent(), new RegExp(`t=${hereT}`));
      // as for rename: an action that reached the row while the view refreshed asks which bookmark
      const deletePicker = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'lost-update' }).first();
      await ui.clickInline(renamed, 'trash', async () => {
        if (await deletePicker.isVisible()) await deletePicker.click({ timeout: 2000 });
        return (await renamed.count()) === 0;
      });
      await history.waitForFunction(() => document.body.dataset.bookmarks === '0', null, { timeout: 15000 });

      // Trace view: the calls the adapter forwarded (rewind/trace, names from the ELF's symbols), none later than now;
      // clicking one goes to its time.
      const TRACE = '.pane:has(> .pane-header:has-text("Rewind Trace"))';
      const CALL = /^t=(\d+)(main|hart_main|count_item)$/;
      const calls = (await ui.waitRows(TRACE, (r) => r.some((x) => CALL.test(x.trim())), 'a call entry in the Trace view'))
        .map((x) => x.trim()).filter((x) => CALL.test(x));
      const times = calls.map((x) => Number(CALL.exec(x)[1]));
      assert.ok(times.every((t) => t <= hereT), `calls up to now (${hereT}) only: ${JSON.stringify(calls)}`);
      const callT = Math.min(...times);
      // clicked again if the click met the view while it re-rendered its rows (the entry selected, its command not run)
      const callRow = page.locator(`${TRACE} .monaco-list-row`, { hasText: new RegExp(`^\\s*t=${callT}(main|hart_main|count_item)\\s*$`) }).first();
      await ui.clickUntil(callRow, async () => (await ui.statusTimeNumber()) === callT, 30000);
      await ui.waitStatusTime(new Function('t', `return t === ${callT}`));
      await history.waitForFunction((t) => document.body.dataset.now === String(t), callT, { timeout: 15000 });
      await ui.shot('5-trace-call');
    } catch (e) {
      if (browser) {
        const p = browser.contexts()[0]?.pages()[0];
        if (p) await p.screenshot({ path: join(SHOTS, `failure-${Date.now()}.png`) }).catch(() => undefined);
      }
      throw e;
    } finally {
      // what was measured, also when a later step failed
      const { stepBacks, ...shown } = figures;
      console.log(`FIGURES ${JSON.stringify(shown)}`);
      if (existsSync(SHOTS)) writeFileSync(join(SHOTS, 'figures.json'), JSON.stringify(figures, null, 2));
      if (browser) await browser.close().catch(() => undefined);
      if (server) server.stop();
      if (!process.env.REWIND_E2E_KEEP) rmSync(dir, { recursive: true, force: true });
    }
  });
