package dev.rewind.bench;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.travel.HistoryStats;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import dev.rewind.emulator.travel.TravelResult;

/**
 * Recording overhead and snapshot memory: the same guest run for {@code insns} slots of virtual time on a plain
 * {@link Machine} (no history) and on a {@link TimeMachine} (automatic snapshots, thinning), fresh machines each
 * time, the two kinds alternating, after one untimed warm-up run of each. Also the history kept at the end of
 * each time-machine run and the JVM heap it occupies (used heap after a full GC with the time machine alive,
 * minus the same with a plain machine alive). Besides wall time, the driving thread's CPU time: less disturbed by
 * other processes on a loaded host, but blind to the garbage collector's and compiler's threads.
 */
public final class OverheadProbe {

    /**
     * @param plainMs    wall time of the plain runs
     * @param travelMs   wall time of the time-machine runs
     * @param history    history kept after the last time-machine run
     * @param heapBytes  JVM heap held by that history (after GC), approximate
     * @param plainCpuMs  CPU time of the driving thread in the plain runs
     * @param travelCpuMs CPU time of the driving thread in the time-machine runs
     */
    public record Result(String guest, long insns, Stats plainMs, Stats travelMs, HistoryStats history, long heapBytes,
            Stats plainCpuMs, Stats travelCpuMs) {

        public double ratio() {
            return travelMs.median() / plainMs.median();
        }

        public double cpuRatio() {
            return travelCpuMs.median() / plainCpuMs.median();
        }

        public double plainMips() {
            return insns / plainMs.median() / 1000.0;
        }

        public double travelMips() {
            return insns / travelMs.median() / 1000.0;
        }
    }

    private final Guest guest;
    private final TravelConfig travel;

    public OverheadProbe(Guest guest, TravelConfig travel) {
        this.guest = guest;
        this.travel = travel;
    }

    public Result measure(long insns, int reps, long warmupInsns) {
        plain(warmupInsns);
        travel(warmupInsns);
        double[] p = new double[reps];
        double[] t = new double[reps];
        double[] pc = new double[reps];
        double[] tc = new double[reps];
        TimeMachine last = null;
        for (int i = 0; i < reps; i++) {
            long c0 = cpu();
            p[i] = plain(insns);
            pc[i] = (cpu() - c0) / 1e6;
            last = null;
            c0 = cpu();
            long t0 = System.nanoTime();
            last = travelRun(insns);
            t[i] = (System.nanoTime() - t0) / 1e6;
            tc[i] = (cpu() - c0) / 1e6;
        }
        HistoryStats history = last.stats();
        long withHistory = usedHeapAfterGc();
        java.lang.ref.Reference.reachabilityFence(last);
        last = null;
        Machine baseline = guest.machine();
        long withoutHistory = usedHeapAfterGc();
        java.lang.ref.Reference.reachabilityFence(baseline);
        return new Result(guest.elf().getFileName().toString(), insns, Stats.of(p), Stats.of(t), history,
                Math.max(0, withHistory - withoutHistory), Stats.of(pc), Stats.of(tc));
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private double plain(long insns) {
        Machine m = guest.machine();
        long t0 = System.nanoTime();
        RunResult r = m.runUntilTime(insns);
        long t1 = System.nanoTime();
        if (r.reason() != StopReason.TIME_REACHED) {
            throw new IllegalStateException("plain run stopped early: " + r);
        }
        return (t1 - t0) / 1e6;
    }

    private void travel(long insns) {
        travelRun(insns);
    }

    private TimeMachine travelRun(long insns) {
        TimeMachine tm = guest.timeMachine(travel);
        TravelResult r = tm.runUntilTime(insns);
        if (r.kind() != TravelResult.Kind.ARRIVED) {
            throw new IllegalStateException("time-machine run stopped early: " + r);
        }
        return tm;
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
