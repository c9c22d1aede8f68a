package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.WatchKind;
import java.util.function.Predicate;

/**
 * Moving a {@link TimeMachine} through time: forward runs with an instruction budget, going to a time in either
 * direction, reverse steps and the backward searches (reverse continue, last write to a range).
 */
final class Navigator {

    private final Machine m;
    private final History history;
    private final Replayer replayer;
    private final Frontier frontier;
    private final Replayer.Gate gate;

    Navigator(Machine m, History history, Replayer replayer, Frontier frontier, Replayer.Gate gate) {
        this.m = m;
        this.history = history;
        this.replayer = replayer;
        this.frontier = frontier;
        this.gate = gate;
    }

    /** Earliest reachable virtual time (the oldest snapshot). */
    long earliestTime() {
        return history.first().time;
    }

    TravelResult run(long maxInstructions) {
        if (maxInstructions < 0) {
            throw new IllegalArgumentException("maxInstructions must not be negative");
        }
        long now = m.time();
        long limit = now + maxInstructions < now ? Long.MAX_VALUE : now + maxInstructions;
        return frontier.run(limit, true);
    }

    TravelResult goToTime(long t) {
        if (t < earliestTime()) {
            throw new IllegalArgumentException("time " + t + " is before the earliest point of history ("
                    + earliestTime() + ")");
        }
        replayer.goTo(Math.min(t, frontier.newest()));
        gate.open = true;
        while (m.time() < t) {
            TravelResult r = frontier.run(t, false);
            if (r.kind() == TravelResult.Kind.EXITED || r.kind() == TravelResult.Kind.DEADLOCK) {
                return r;
            }
        }
        return Results.of(m, TravelResult.Kind.ARRIVED, -1, "at time " + m.time());
    }

    TravelResult reverseStep(int hart, long n) {
        long now = m.retired(hart);
        if (n < 0) {
            throw new IllegalArgumentException("step count must not be negative: " + n);
        }
        if (n == 0) {
            return Results.of(m, TravelResult.Kind.ARRIVED, hart, "no step");
        }
        return replayer.stepBack(hart, now - n);
    }

    TravelResult reverseSearch(Predicate<RunResult> wanted, String none) {
        return replayer.searchBack(wanted, none);
    }

    TravelResult reverseToLastWrite(long addr, long len) {
        m.addWatchpoint(addr, len, WatchKind.WRITE);
        try {
            return reverseSearch(r -> r.reason() == StopReason.WATCHPOINT && r.accessWrite()
                    && r.address() < addr + len && addr < r.address() + r.accessSize(),
                    String.format("no write to 0x%x+%d earlier in history", addr, len));
        } finally {
            m.removeWatchpoint(addr, len, WatchKind.WRITE);
        }
    }
}
