// The Trace view's lanes (src/lanes.js): the same element per hart for the session, only the lanes that changed are
// updated, the whole tree only when the number of lanes changes, nothing before VS Code has asked for the lanes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const { Lanes } = createRequire(import.meta.url)('../src/lanes.js');

test('lanes keep their elements; a change updates only the lanes that changed', { timeout: 10000 }, () => {
  const trace = new Map([[0, [{ time: 5, kind: 'call', text: 'main' }]], [1, []]]);
  const of = (h) => trace.get(h) || [];
  const lanes = new Lanes();
  assert.deepEqual(lanes.changes(2, of), [], 'VS Code has not shown the view: nothing to send (it asks when it shows it)');
  const first = lanes.elements(2);
  assert.deepEqual(first.map((l) => l.hart), [0, 1]);
  assert.deepEqual(lanes.changes(2, of), first, 'lanes VS Code has not asked for yet are updated');
  first.forEach((l) => lanes.shown(l, of(l.hart)));
  assert.deepEqual(lanes.changes(2, of), [], 'nothing changed');

  trace.get(1).push({ time: 9, kind: 'stop', text: 'step' });
  assert.deepEqual(lanes.changes(2, of).map((l) => l.hart), [1], 'an entry in hart 1: only its lane');
  const again = lanes.elements(2);
  assert.ok(again.every((l, i) => l === first[i]), 'the same elements (VS Code keys its nodes by them)');
  lanes.shown(again[1], of(1));

  trace.get(1)[0].text = 'step in main (demo.c:109)'; // a stop's place comes later
  assert.deepEqual(lanes.changes(2, of).map((l) => l.hart), [1], 'a changed text updates its lane');
  lanes.shown(again[1], of(1));
  trace.set(0, []); // cut: the session went back
  assert.deepEqual(lanes.changes(2, of).map((l) => l.hart), [0]);

  lanes.shown(again[0], of(0));
  assert.equal(lanes.changes(4, of), 'all', 'more harts: the tree is rebuilt');
  assert.deepEqual(lanes.changes(4, of).map((l) => l.hart), [2, 3], 'then only lanes: the new ones until VS Code asks');
  const four = lanes.elements(4);
  assert.ok(four[0] === first[0] && four[1] === first[1] && four.length === 4);
  four.forEach((l) => lanes.shown(l, of(l.hart)));
  assert.equal(lanes.changes(0, of), 'all', 'a session ended: no lanes');
  assert.deepEqual(lanes.changes(0, of), []);
});
