package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineSnapshot;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import java.util.function.Predicate;

/**
 * Reverse execution by restore + deterministic replay. Every replay starts at a history point and never crosses
 * the next one, so its cost is bounded by the spacing of points, not by the length of history. Breakpoint and
 * watchpoint stops met on the way are passed over (they do not change state), console output is gated off.
 */
final class Replayer {

    /** Console gate: output is emitted only while open (live execution). */
    static final class Gate {
        boolean open = true;
    }

    private final Machine m;
    private final History history;
    private final Gate gate;
    private final java.util.function.LongSupplier newest;
    /**
     * A reverse step that replays further than twice this (global slots) leaves a snapshot about this far before
     * its landing, so that the steps back after it replay this far instead of from the older snapshot: half the
     * base snapshot interval.
     */
    private final long landingGap;
    /** Set from any thread to end a backward search early ({@link #cancel()}). */
    private volatile boolean cancelled;

    /** {@code newest}: the frontier (history's thinning ages snapshots from it). */
    Replayer(Machine m, History history, Gate gate, java.util.function.LongSupplier newest, TravelConfig config) {
        this.m = m;
        this.history = history;
        this.gate = gate;
        this.newest = newest;
        this.landingGap = Math.max(1, config.snapshotInterval() / 2);
    }

    void restore(MachineSnapshot s) {
        gate.open = false;
        m.restore(s);
    }

    private static boolean terminal(RunResult r) {
        return r.reason() == StopReason.EXITED || r.reason() == StopReason.DEADLOCK;
    }

    /** Runs forward from the current state to exactly time {@code t} (or the guest's end), passing over stops. */
    void replayTo(long t) {
        gate.open = false;
        while (m.time() < t) {
            if (terminal(m.runUntilTime(t))) {
                return;
            }
        }
    }

    /** Replays until {@code hart} has retired {@code count}; false if the guest ended first. */
    private boolean replayUntilRetired(int hart, long count) {
        while (m.retired(hart) < count) {
            if (terminal(m.runUntilRetired(hart, count))) {
                return m.retired(hart) >= count;
            }
        }
        return true;
    }

    /** Goes to time {@code t} within history: from the current state if no point lies between, else from a point. */
    void goTo(long t) {
        History.Point p = history.floor(t);
        if (p == null) {
            throw new IllegalArgumentException("time " + t + " is before the earliest point of history, "
                    + history.first().time);
        }
        if (t < m.time() || p.time > m.time()) {
            restore(p.snapshot);
        }
        replayTo(t);
    }

    /**
     * Lands just before {@code hart} retires its instruction number {@code goal + 1} (1-based), i.e. at the last
     * time at which it had retired {@code goal}. Two bounded replays: find the time t1 of that retirement, then go
     * to t1 - 1 from a light checkpoint ({@link Machine#mark()}) taken on the way. A long first replay leaves a
     * snapshot about {@link #landingGap} slots before the landing (thinned like any automatic one): stepping back
     * again and again is what users do there.
     *
     * @return false if history does not reach back that far
     */
    boolean landBeforeRetirement(int hart, long goal) {
        History.Point p = history.latestWithRetiredAtMost(hart, goal);
        if (p == null) {
            return false;
        }
        restore(p.snapshot);
        long gap = Math.max(1, landingGap / m.hartCount());
        long near = goal - gap;
        if (near - p.retired(hart) > gap) {
            if (!replayUntilRetired(hart, near)) {
                throw new IllegalStateException("replay diverged: hart " + hart + " never retired " + near);
            }
            history.insert(m.snapshot(), newest.getAsLong());
        }
        if (!replayUntilRetired(hart, goal)) {
            throw new IllegalStateException("replay diverged: hart " + hart + " never retired " + goal);
        }
        m.mark();
        if (!replayUntilRetired(hart, goal + 1)) {
            m.dropMark();
            throw new IllegalStateException("replay diverged: hart " + hart + " never retired " + (goal + 1));
        }
        long t1 = m.time();
        m.rollbackToMark();
        replayTo(t1 - 1);
        return true;
    }

    /**
     * Reverse step: lands where {@code hart} had retired {@code goal} and was about to retire the next one
     * ({@link TimeMachine#reverseStep(int, long)}), the hart stepping over a breakpoint at its pc when resumed;
     * else at the earliest point of history.
     */
    TravelResult stepBack(int hart, long goal) {
        if (goal < history.first().retired(hart) || !landBeforeRetirement(hart, goal)) {
            goTo(history.first().time);
            gate.open = true;
            return Results.of(m, TravelResult.Kind.HISTORY_START, hart, "hart " + hart
                    + " retired nothing earlier in history; at the earliest time " + m.time());
        }
        gate.open = true;
        m.stepOverBreakpoint(hart);
        return Results.of(m, TravelResult.Kind.ARRIVED, hart, String.format(
                "hart %d back before its instruction #%d at pc 0x%x", hart, goal + 1, m.hart(hart).pc()));
    }

    /**
     * Reverse continue: to the latest earlier stop {@code wanted} accepts, exactly as forward execution left it (a
     * hart stopped at a breakpoint steps over it when resumed); else at the earliest point of history, the
     * message saying {@code none}.
     */
    TravelResult searchBack(Predicate<RunResult> wanted, String none) {
        long start = m.time();
        cancelled = false;
        RunResult hit = searchBack(start, wanted);
        gate.open = true;
        if (cancelled) {
            cancelled = false;
            goTo(start);
            gate.open = true;
            return Results.of(m, TravelResult.Kind.STOP_REQUESTED, -1, "backward search cancelled; back at time "
                    + m.time());
        }
        if (hit == null) {
            goTo(history.first().time);
            gate.open = true;
            return Results.of(m, TravelResult.Kind.HISTORY_START, -1, none + "; at the earliest time " + m.time());
        }
        if (hit.reason() == StopReason.BREAKPOINT) {
            m.stepOverBreakpoint(hit.hart());
        }
        return Results.fromRun(m, hit);
    }

    /** Ends a backward search in progress soon (after the history segment it replays); callable from any thread. */
    void cancel() {
        cancelled = true;
    }

    /**
     * Finds the latest stop before time {@code now} that {@code wanted} accepts (breakpoint or watchpoint stops of
     * the machine's current triggers), searching history backwards one segment at a time, and leaves the machine
     * exactly as forward execution left it at that stop. Returns the stop, or null (machine state then undefined:
     * the caller goes elsewhere).
     */
    RunResult searchBack(long now, Predicate<RunResult> wanted) {
        long end = now;
        for (History.Point p : history.before(now)) {
            if (cancelled) {
                return null;
            }
            int hits = scan(p, end, now, wanted, Integer.MAX_VALUE);
            if (hits > 0) {
                restore(p.snapshot);
                RunResult[] found = new RunResult[1];
                scanInto(end, now, wanted, hits, found);
                return found[0];
            }
            end = p.time;
        }
        return null;
    }

    private int scan(History.Point p, long end, long now, Predicate<RunResult> wanted, int stopAt) {
        restore(p.snapshot);
        return scanInto(end, now, wanted, stopAt, new RunResult[1]);
    }

    /** Replays to {@code end} counting wanted stops before {@code now}; stops at the {@code stopAt}-th. */
    private int scanInto(long end, long now, Predicate<RunResult> wanted, int stopAt, RunResult[] last) {
        gate.open = false;
        int hits = 0;
        while (m.time() < end) {
            RunResult r = m.runUntilTime(end);
            if ((r.reason() == StopReason.BREAKPOINT || r.reason() == StopReason.WATCHPOINT) && r.time() < now
                    && wanted.test(r)) {
                hits++;
                last[0] = r;
                if (hits == stopAt) {
                    return hits;
                }
            } else if (r.reason() != StopReason.BREAKPOINT && r.reason() != StopReason.WATCHPOINT
                    && r.reason() != StopReason.STOP_REQUESTED) {
                break;
            }
        }
        return hits;
    }
}
