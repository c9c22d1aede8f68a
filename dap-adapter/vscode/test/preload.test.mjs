// The source preloader's rules (VS Code itself is in the e2e): the adapter asked once per session, only files not open
// are opened, one file per language not shown yet is tokenized, failures and older adapters cost nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const { SourcePreloader, MAX_FILES, MAX_WARM_LINES } = createRequire(import.meta.url)('../src/preload.js');

function host({ shown = ['c'], lines = {} } = {}) {
  const h = { open: new Set(), opened: [], warmed: [], shown };
  const language = (p) => (p.endsWith('.c') ? 'c' : p.endsWith('.h') ? 'cpp' : 'plaintext');
  return Object.assign(h, {
    openDoc: async (p) => {
      if (p.includes('gone')) throw new Error('ENOENT');
      h.open.add(p);
      h.opened.push(p);
      return { uri: p, languageId: language(p), lineCount: lines[p] || 50 };
    },
    api() {
      return { open: h.openDoc, openPaths: () => h.open, shownLanguages: () => h.shown,
        warm: async (doc) => { h.warmed.push(doc.uri); } };
    },
  });
}

function session(sources) {
  const s = { asked: 0, customRequest: async (command) => {
    assert.equal(command, 'rewind/sources');
    s.asked++;
    if (sources instanceof Error) throw sources;
    return { sources: sources.map((path) => ({ name: path.split('/').pop(), path })) };
  } };
  return s;
}

test('opens the files not open, warms one file per new language, asks the adapter once per session', { timeout: 10000 }, async () => {
  const h = host();
  const p = new SourcePreloader(h.api());
  const s = session(['/w/demo.c', '/w/rt/rt.h', '/w/rt/other.h', '/w/rt/start.S', '/w/gone.h']);
  h.open.add('/w/demo.c'); // shown in an editor already
  assert.deepEqual(await p.preload(s), ['/w/rt/rt.h', '/w/rt/other.h', '/w/rt/start.S']);
  assert.deepEqual(h.warmed, ['/w/rt/rt.h', '/w/rt/start.S'], 'C is shown; C++ and plain text once each');
  assert.equal(p.problems.length, 1);
  assert.match(p.problems[0], /gone\.h: ENOENT/);
  assert.deepEqual(await p.preload(s), [], 'all open: nothing to do at the next stop');
  h.open.delete('/w/rt/rt.h'); // VS Code let go of it
  assert.deepEqual(await p.preload(s), ['/w/rt/rt.h']);
  assert.equal(h.warmed.length, 2, 'a language is warmed once per window');
  assert.equal(s.asked, 1);
});

test('an adapter without rewind/sources, long files and many files', { timeout: 10000 }, async () => {
  const h = host({ lines: { '/w/big.h': MAX_WARM_LINES + 1 } });
  const p = new SourcePreloader(h.api());
  assert.deepEqual(await p.preload(session(new Error('Unsupported request method: rewind/sources'))), []);
  assert.match(p.problems[0], /Unsupported request/);
  await p.preload(session(['/w/big.h', '/w/small.h']));
  assert.deepEqual(h.warmed, ['/w/small.h'], 'a long file is not tokenized on the UI thread');
  const many = Array.from({ length: MAX_FILES + 10 }, (_, i) => `/w/f${i}.c`);
  assert.equal((await p.preload(session(many))).length, MAX_FILES);
});

test('a stop while the previous preload still runs does nothing', { timeout: 10000 }, async () => {
  const h = host();
  let release;
  const gate = new Promise((r) => { release = r; });
  const api = h.api();
  const p = new SourcePreloader({ ...api, open: async (f) => { await gate; return api.open(f); } });
  const s = session(['/w/a.h']);
  const first = p.preload(s);
  assert.deepEqual(await p.preload(s), []);
  release();
  assert.deepEqual(await first, ['/w/a.h']);
});
