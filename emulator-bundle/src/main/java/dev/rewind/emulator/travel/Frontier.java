package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import java.util.List;

/**
 * Forward execution of a {@link TimeMachine}: the frontier (newest point of history), replay with console output
 * gated behind it, live execution with automatic snapshots (as the {@link SnapshotSchedule} says) beyond it, and
 * forgetting the future when the past is changed.
 */
final class Frontier {

    private final Machine m;
    private final History history;
    private final Replayer.Gate gate;
    private final SnapshotSchedule schedule;
    private long newest;

    Frontier(Machine m, History history, Replayer.Gate gate, TravelConfig config) {
        this.m = m;
        this.history = history;
        this.gate = gate;
        this.schedule = new SnapshotSchedule(config);
        this.newest = m.time();
    }

    /** The newest point of history; beyond it, execution is live. */
    long newest() {
        return newest;
    }

    SnapshotSchedule schedule() {
        return schedule;
    }

    /**
     * Forward to {@code limit} in chunks: replay (console gated) up to the frontier, then live with a snapshot
     * whenever one is due. {@code budget}: the limit is an instruction budget (LIMIT_REACHED), else a time
     * (ARRIVED).
     */
    TravelResult run(long limit, boolean budget) {
        while (true) {
            long now = m.time();
            if (now >= limit) {
                return Results.of(m, budget ? TravelResult.Kind.LIMIT_REACHED : TravelResult.Kind.ARRIVED, -1,
                        budget ? "instruction budget used" : "time " + now + " reached");
            }
            long chunkEnd;
            if (now < newest) {
                gate.open = false;
                chunkEnd = Math.min(limit, replayEnd(now));
            } else {
                gate.open = true;
                chunkEnd = Math.min(limit, Math.max(now + 1, schedule.due(history.last().time)));
            }
            boolean replaying = now < newest;
            RunResult r = m.runUntilTime(chunkEnd);
            advanced();
            if (replaying) {
                crossBarrier(now);
            }
            if (r.reason() != StopReason.TIME_REACHED) {
                return Results.fromRun(m, r);
            }
        }
    }

    /**
     * Until {@code hart} retires one more instruction (or another stop): a step that starts in the past replays up
     * to the frontier (console output gated) and runs live from there (console output emitted).
     */
    TravelResult stepHart(int hart) {
        long goal = m.retired(hart) + 1;
        RunResult r;
        while (m.time() < newest) {
            gate.open = false;
            long start = m.time();
            r = m.runUntilRetired(hart, goal, replayEnd(start));
            advanced();
            crossBarrier(start);
            if (r.reason() != StopReason.TIME_REACHED) {
                return Results.fromRun(m, r);
            }
        }
        gate.open = true;
        r = m.runUntilRetired(hart, goal);
        advanced();
        return Results.fromRun(m, r);
    }

    /** Where a replay from {@code now} must pause: the next barrier (a debugger change of state) or the frontier. */
    private long replayEnd(long now) {
        History.Point b = history.barrierAfter(now);
        return b == null ? newest : Math.min(newest, b.time);
    }

    /**
     * Replay arrived at a barrier: the state there is the snapshot's (it holds the debugger's change), not what
     * replaying from before it computed. {@code start}: where the replay began (a barrier there was restored or
     * crossed already).
     */
    private void crossBarrier(long start) {
        History.Point b = history.at(m.time());
        if (b != null && b.barrier && m.time() > start) {
            m.restore(b.snapshot);
        }
    }

    /** After any forward movement: extend the frontier and take an automatic snapshot when one is due. */
    private void advanced() {
        long now = m.time();
        if (now > newest) {
            newest = now;
        }
        if (now == newest && now >= schedule.due(history.last().time)) {
            schedule.snapshotTaken(history.add(m.snapshot(), false, now).uniquePages);
        }
        gate.open = true;
    }

    /** The history point at the current time, taking a snapshot if there is none (else the nearest earlier). */
    History.Point pointHere() {
        long now = m.time();
        History.Point p = history.at(now);
        if (p != null) {
            return p;
        }
        if (now > history.last().time) {
            return history.add(m.snapshot(), false, now);
        }
        return history.floor(now);
    }

    /**
     * Forgets everything after now (and the points at now too if {@code inclusive}): snapshots, bookmarks (added
     * to {@code dropped}) and recorded input; now becomes the frontier.
     */
    void dropFuture(boolean inclusive, Bookmarks marks, InputLog input, List<Bookmark> dropped) {
        long now = m.time();
        dropped.addAll(marks.dropAfter(now));
        history.removeFrom(inclusive ? now : now + 1);
        if (input != null) {
            input.truncateAfter(now);
        }
        newest = now;
        if (m.plugins().active()) {
            m.plugins().timelineCut(now);
        }
    }
}
