'use strict';
// The Trace view's lanes as VS Code's tree keeps them: one element per hart, the same object for the whole session,
// and what each lane showed when VS Code last asked. A change of the trace updates only the lanes that changed (VS Code
// asks for their rows again); the whole tree is rebuilt only when the number of lanes changes after VS Code has shown
// them, and nothing is sent before it has (it asks for everything when it first shows the view).
// Why: a rebuild of the whole tree drops the extension host's record of every lane, and VS Code's request for an
// expanded lane's rows that crosses it is answered with none ("No tree item with id '1/lane-0' found." in the
// extension host's log): "hart 1 - 7 entries" with nothing under it, for good. It happened when the view was first
// shown while a rebuild sent when it was hidden was still on its way (the extension host sends them 200 ms late).

/** A lane's content as shown: its entries' times, kinds and texts (a stop's text gets its place later). */
function signature(entries) {
  return `${entries.length}|${entries.map((e) => `${e.time}:${e.kind}:${e.text}`).join('\n')}`;
}

class Lanes {
  constructor() {
    this.lanes = []; // {hart, shown}
    this.asked = false; // VS Code has asked for the lanes
  }

  /** The lane elements for `count` harts: the same objects as before for the harts that stay. */
  elements(count) {
    this.asked = true;
    while (this.lanes.length < count) this.lanes.push({ hart: this.lanes.length, shown: undefined });
    this.lanes.length = count;
    return this.lanes.slice();
  }

  /** Notes what a lane shows now (when VS Code asks for its item or its rows). */
  shown(lane, entries) {
    lane.shown = signature(entries);
  }

  /**
   * What changed since VS Code last asked, for `count` harts with `entriesOf(hart)`: 'all' (the lanes themselves
   * changed: rebuild the tree), the lanes to update, or none ([]). Nothing before VS Code has asked for the lanes.
   */
  changes(count, entriesOf) {
    if (!this.asked) return [];
    if (count !== this.lanes.length) {
      this.elements(count); // until VS Code asks again, later changes are the new lanes' (it asks for all of them)
      return 'all';
    }
    return this.lanes.filter((lane) => lane.shown !== signature(entriesOf(lane.hart)));
  }
}

module.exports = { Lanes, signature };
