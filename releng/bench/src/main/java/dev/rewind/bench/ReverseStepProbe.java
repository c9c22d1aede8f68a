package dev.rewind.bench;

import dev.rewind.emulator.travel.HistoryStats;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures {@link TimeMachine#reverseStep(int)} of one hart at a depth: the time machine has run forward (live,
 * taking its automatic snapshots) to the depth {@code D}; then, at {@code positions} points spread evenly over one
 * snapshot interval (the one in effect there) from {@code D} on (the cost of a reverse step depends on where it falls between two
 * snapshots), it goes to the point and reverse-steps once (the first step there, timed: it may replay up to an
 * interval, and leaves a landing snapshot), then {@code warmup} times untimed and {@code reps} times timed, going
 * forward to the point again, untimed, before each (the next steps: they replay from the landing snapshot).
 * Every landing is checked: the hart has retired exactly one instruction fewer and time went back.
 */
public final class ReverseStepProbe {

    /** One landing: where a timed reverse step arrived (for independent checks of the state). */
    public record Landing(long from, long time, long stateHash) {
    }

    /**
     * @param depth      virtual time the probe started at
     * @param atDepth    reverse steps from exactly {@code depth}, ms
     * @param spread     per-position medians over one snapshot interval, ms (max ~ the worst case)
     * @param history    history kept when the depth was reached
     * @param landings   every timed landing
     * @param firsts     the first step at each position, ms
     */
    public record Result(long depth, Stats atDepth, Stats spread, HistoryStats history, List<Landing> landings,
            Stats firsts) {
    }

    private final int hart;
    private final int positions;
    private final int warmup;
    private final int reps;

    public ReverseStepProbe(int hart, int positions, int warmup, int reps) {
        if (positions < 1 || warmup < 0 || reps < 1) {
            throw new IllegalArgumentException("positions and reps must be at least 1, warmup not negative");
        }
        this.hart = hart;
        this.positions = positions;
        this.warmup = warmup;
        this.reps = reps;
    }

    /** Probes at the time machine's current time (which must be its frontier: the depth reached live). */
    public Result measure(TimeMachine tm) {
        long depth = tm.time();
        HistoryStats history = tm.stats();
        long interval = tm.snapshotInterval();
        double[] atDepth = null;
        double[] medians = new double[positions];
        double[] firsts = new double[positions];
        List<Landing> landings = new ArrayList<>();
        for (int i = 0; i < positions; i++) {
            long p = depth + interval * i / positions;
            firsts[i] = once(tm, p, landings);
            for (int w = 0; w < warmup; w++) {
                once(tm, p, null);
            }
            double[] t = new double[reps];
            for (int r = 0; r < reps; r++) {
                t[r] = once(tm, p, landings);
            }
            medians[i] = Stats.of(t).median();
            if (i == 0) {
                atDepth = t;
            }
        }
        return new Result(depth, Stats.of(atDepth), Stats.of(medians), history, landings, Stats.of(firsts));
    }

    /** Goes to {@code p} (untimed), reverse-steps the hart once (timed); returns milliseconds. */
    private double once(TimeMachine tm, long p, List<Landing> landings) {
        goTo(tm, p);
        long before = tm.retired(hart);
        long t0 = System.nanoTime();
        TravelResult r = tm.reverseStep(hart);
        long t1 = System.nanoTime();
        if (r.kind() != TravelResult.Kind.ARRIVED || tm.retired(hart) != before - 1 || tm.time() >= p) {
            throw new IllegalStateException(String.format(
                    "reverse step from time %d landed wrongly: %s (hart %d retired %d -> %d, time %d)", p, r, hart,
                    before, tm.retired(hart), tm.time()));
        }
        if (landings != null) {
            landings.add(new Landing(p, tm.time(), tm.machine().stateHash()));
        }
        return (t1 - t0) / 1e6;
    }

    /** Forward (replaying, then live) to exactly time {@code p}, passing over breakpoints. */
    static void goTo(TimeMachine tm, long p) {
        int guard = 0;
        while (tm.time() < p) {
            TravelResult r = tm.runUntilTime(p);
            if (r.kind() == TravelResult.Kind.EXITED || r.kind() == TravelResult.Kind.DEADLOCK || ++guard > 1000) {
                throw new IllegalStateException("cannot reach time " + p + ": " + r);
            }
        }
        if (tm.time() != p) {
            tm.goToTime(p);
        }
    }
}
