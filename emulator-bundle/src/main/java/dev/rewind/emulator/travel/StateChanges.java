package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes of a {@link TimeMachine}'s state by the debugger or the outside world (debugger writes, changes made
 * directly on the machine, console input, a dropped future) and what they do to history: a change in the past
 * forgets the future after it, and the changed present is snapshotted so replays include it. Keeps the
 * {@link WriteLog} of the current timeline.
 */
final class StateChanges {

    private final Machine m;
    private final History history;
    private final Frontier frontier;
    private final Bookmarks marks;
    private final InputLog input;
    private final WriteLog writes = new WriteLog();

    /** {@code input}: the machine's input log, or null if it records none. */
    StateChanges(Machine m, History history, Frontier frontier, Bookmarks marks, InputLog input) {
        this.m = m;
        this.history = history;
        this.frontier = frontier;
        this.marks = marks;
        this.input = input;
    }

    WriteLog writes() {
        return writes;
    }

    FutureChange apply(DebuggerWrite w) {
        w.check(m.config());
        boolean replacing = writes.beforeChangesAt(m.time(), m);
        w.applyTo(m);
        FutureChange fc = changed();
        writes.add(m.time(), w, m.stateHash(), replacing);
        return fc;
    }

    FutureChange sendInput(byte[] data) {
        if (input == null) {
            throw new IllegalStateException("this time machine records no input (build it with TimeMachine.create)");
        }
        FutureChange fc = discardFuture();
        input.append(m.time(), data);
        return fc;
    }

    FutureChange discardFuture() {
        long now = m.time();
        long old = frontier.newest();
        List<Bookmark> dropped = new ArrayList<>();
        boolean past = now < old;
        if (past) {
            frontier.dropFuture(false, marks, input, dropped);
        }
        writes.truncateAfter(now);
        return new FutureChange(past, now, old, dropped);
    }

    FutureChange stateChanged() {
        FutureChange fc = changed();
        writes.add(m.time(), null, m.stateHash(), false);
        return fc;
    }

    /** Drops the future including now, snapshots the present as a barrier and moves pins at or after now to it. */
    private FutureChange changed() {
        long now = m.time();
        long old = frontier.newest();
        List<Bookmark> dropped = new ArrayList<>();
        frontier.dropFuture(true, marks, input, dropped);
        History.Point np = history.add(m.snapshot(), true, now);
        marks.repin(now, np);
        return new FutureChange(now < old, now, old, dropped);
    }
}
