package dev.rewind.bench;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import dev.rewind.emulator.travel.TravelResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Replay speed (issue #16: "replay as fast as live execution"). {@code ReplayBench ELF INSNS REPS HARTS...}: per
 * hart count, after an untimed warm-up (the same guest, a tenth of INSNS live, a reverse continue over it and a
 * forward replay), REPS rounds of, each on fresh machines with a breakpoint at {@code rt_exit} (never reached within
 * INSNS, so every run and search goes over the whole span with a breakpoint in the code):
 * <ul>
 * <li>{@code plain}: a {@link Machine} runs INSNS slots live (no history);</li>
 * <li>{@code live}: a {@link TimeMachine} runs INSNS slots live, recording (snapshots, thinning);</li>
 * <li>{@code reverse-continue}: that time machine searches its whole history backwards for a breakpoint hit (none:
 * it replays every segment once, newest first, and lands at the earliest time);</li>
 * <li>{@code replay forward}: from there, runs forward INSNS slots: replays history up to the frontier.</li>
 * <li>{@code live, hot bp}: a fresh time machine runs INSNS/10 live with a breakpoint on a hot pc (where hart 0 was
 * after the warm-up: in ttbench's unrolled loop body, hit once per iteration of every hart) and continues after
 * every hit, as a debugger does for a conditional breakpoint whose condition is false;</li>
 * <li>{@code reverse-cont, hot bp}: that time machine searches its whole history backwards accepting no hit: a
 * replay that stops at every hit too.</li>
 * </ul>
 * Prints medians (min..max) of wall and the driving thread's CPU time, MIPS, and the ratios to {@code live}.
 */
public final class ReplayBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReplayBench() {
    }

    /** One timed operation: wall and thread CPU milliseconds, and the virtual time it covered. */
    private record Timing(double wallMs, double cpuMs, long span) {
    }

    private interface Op {
        long run();
    }

    private static Timing time(Op op) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long span = op.run();
        return new Timing((System.nanoTime() - t0) / 1e6, (THREADS.getCurrentThreadCpuTime() - c0) / 1e6, span);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ReplayBench ELF INSNS REPS HARTS...");
            System.exit(2);
        }
        Locale.setDefault(Locale.ROOT);
        Path elf = Path.of(args[0]);
        long insns = Long.parseLong(args[1]);
        int reps = Integer.parseInt(args[2]);
        for (int i = 3; i < args.length; i++) {
            measure(new Guest(elf, Integer.parseInt(args[i]), 64L << 20), insns, reps);
        }
    }

    private static void measure(Guest guest, long insns, int reps) {
        long bp = exitPc(guest);
        System.out.printf("%n%s, %,d instructions of virtual time, breakpoint at rt_exit 0x%x, %d rounds%n",
                guest.describe(), insns, bp, reps);
        long hot = round(guest, insns / 10, bp, -1)[0].span(); // warm-up, untimed; hart 0's pc at its end
        System.out.printf("hot breakpoint at 0x%x%n", hot);
        String[] names = {"plain", "live", "reverse-continue", "replay forward", "live, hot bp", "reverse-cont, hot bp"};
        double[][] wall = new double[names.length][reps];
        double[][] cpu = new double[names.length][reps];
        long[] span = new long[names.length];
        long hitCount = 0;
        for (int r = 0; r < reps; r++) {
            Timing[] t = round(guest, insns, bp, hot);
            for (int k = 0; k < names.length; k++) {
                wall[k][r] = t[k].wallMs();
                cpu[k][r] = t[k].cpuMs();
                span[k] = t[k].span();
            }
            hitCount = t[names.length].span();
        }
        Stats liveWall = Stats.of(wall[1]);
        Stats liveCpu = Stats.of(cpu[1]);
        System.out.printf("%-18s %14s %26s %26s %10s %10s %9s%n", "operation", "instructions", "wall ms",
                "cpu ms", "MIPS", "cpu-MIPS", "x live");
        for (int k = 0; k < names.length; k++) {
            Stats w = Stats.of(wall[k]);
            Stats c = Stats.of(cpu[k]);
            System.out.printf("%-18s %,14d %26s %26s %10.1f %10.1f %4.2f/%4.2f%n", names[k], span[k], w.format(1),
                    c.format(1), span[k] / w.median() / 1e3, span[k] / c.median() / 1e3,
                    (w.median() / span[k]) / (liveWall.median() / span[1]),
                    (c.median() / span[k]) / (liveCpu.median() / span[1]));
        }
        System.out.printf("(x live: time per instruction relative to live recording, wall/cpu; 1.00 = as fast; the hot"
                + " breakpoint was hit %,d times in the live run)%n", hitCount);
    }

    private static long exitPc(Guest guest) {
        try {
            return dev.rewind.emulator.elf.ElfLoader.parse(guest.elf()).symbol("rt_exit")
                    .orElseThrow(() -> new IllegalArgumentException(guest.elf() + " has no rt_exit symbol")).value();
        } catch (java.io.IOException | dev.rewind.emulator.elf.ElfFormatException e) {
            throw new IllegalArgumentException("cannot read " + guest.elf() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Plain live, recording live, reverse continue over all of history, forward replay to the frontier; then, if
     * {@code hot} is not negative, live and reverse continue with a breakpoint at {@code hot}. With {@code hot}
     * negative, returns hart 0's pc at the end as the first timing's span instead.
     */
    private static Timing[] round(Guest guest, long insns, long bp, long hot) {
        Timing plain = time(() -> {
            Machine m = guest.machine();
            m.addBreakpoint(bp);
            m.run(insns);
            return m.time();
        });
        TimeMachine tm = guest.timeMachine(TravelConfig.defaults());
        tm.machine().addBreakpoint(bp);
        Timing live = time(() -> {
            tm.run(insns);
            return tm.time();
        });
        long end = tm.time();
        Timing back = time(() -> {
            TravelResult r = tm.reverseContinue();
            if (r.kind() != TravelResult.Kind.HISTORY_START) {
                throw new IllegalStateException("reverse continue stopped early: " + r);
            }
            return end - tm.time();
        });
        long start = tm.time();
        Timing fwd = time(() -> {
            tm.run(end - start);
            if (tm.time() != end || tm.inPast()) {
                throw new IllegalStateException("forward replay ended at " + tm.time() + ", not " + end);
            }
            return end - start;
        });
        if (hot < 0) {
            return new Timing[] {new Timing(0, 0, tm.machine().hart(0).pc())};
        }
        TimeMachine hm = guest.timeMachine(TravelConfig.defaults());
        hm.machine().addBreakpoint(hot);
        long[] hits = new long[1];
        Timing hotLive = time(() -> {
            while (hm.time() < insns / 10) {
                TravelResult r = hm.runUntilTime(insns / 10);
                if (r.kind() == TravelResult.Kind.BREAKPOINT) {
                    hits[0]++;
                } else if (r.kind() != TravelResult.Kind.ARRIVED) {
                    throw new IllegalStateException("live run with a hot breakpoint ended: " + r);
                }
            }
            return hm.time();
        });
        long hotEnd = hm.time();
        Timing hotBack = time(() -> {
            TravelResult r = hm.reverseContinue(stop -> false);
            if (r.kind() != TravelResult.Kind.HISTORY_START) {
                throw new IllegalStateException("reverse continue stopped early: " + r);
            }
            return hotEnd - hm.time();
        });
        return new Timing[] {plain, live, back, fwd, hotLive, hotBack, new Timing(0, 0, hits[0])};
    }
}
