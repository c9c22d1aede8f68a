package dev.rewind.bench.services;

import dev.rewind.bench.Stats;
import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.SessionManager;
import dev.rewind.debug.Stop;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Replay vs live through the debug services (what DAP, GDB and MCD front ends call), issue #16:
 * {@code ReplayThroughServices ELF INSNS REPS HARTS...}. Per hart count, after an untimed warm-up session (INSNS/10),
 * REPS fresh sessions each with a breakpoint on {@code rt_exit} (never reached within INSNS): {@code goToTime(INSNS)}
 * (live, recording) then {@code reverseContinue()} (no hit: the whole history replayed, landing at its start). Prints
 * medians (min..max) of wall and of the process's CPU time (every thread: the session's executor runs the machine),
 * and the reverse continue's time per instruction relative to the live run's.
 */
public final class ReplayThroughServices {

    private ReplayThroughServices() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ReplayThroughServices ELF INSNS REPS HARTS...");
            System.exit(2);
        }
        Locale.setDefault(Locale.ROOT);
        Path elf = Path.of(args[0]);
        long insns = Long.parseLong(args[1]);
        int reps = Integer.parseInt(args[2]);
        SessionManager manager = new SessionManager();
        try {
            for (int i = 3; i < args.length; i++) {
                int harts = Integer.parseInt(args[i]);
                round(manager, elf, harts, insns / 10);
                double[][] ms = new double[4][reps];
                long[] span = new long[2];
                for (int r = 0; r < reps; r++) {
                    double[] t = round(manager, elf, harts, insns);
                    for (int k = 0; k < 4; k++) {
                        ms[k][r] = t[k];
                    }
                    span[0] = (long) t[4];
                    span[1] = (long) t[5];
                }
                report(elf, harts, reps, ms, span);
            }
        } finally {
            manager.close();
        }
        System.exit(0);
    }

    private static void report(Path elf, int harts, int reps, double[][] ms, long[] span) {
        System.out.printf("%n%s, %d hart(s), through the debug services, %d sessions%n", elf.getFileName(), harts, reps);
        String[] names = {"live goToTime", "reverse continue"};
        Stats liveWall = Stats.of(ms[0]);
        Stats liveCpu = Stats.of(ms[1]);
        for (int k = 0; k < 2; k++) {
            Stats w = Stats.of(ms[2 * k]);
            Stats c = Stats.of(ms[2 * k + 1]);
            System.out.printf("%-18s %,14d  wall ms %-24s process cpu ms %-24s x live %4.2f/%4.2f%n", names[k], span[k],
                    w.format(1), c.format(1), (w.median() / span[k]) / (liveWall.median() / span[0]),
                    (c.median() / span[k]) / (liveCpu.median() / span[0]));
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.MINUTES);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Live wall/cpu ms, reverse continue wall/cpu ms, live span, replayed span. */
    private static double[] round(SessionManager manager, Path elf, int harts, long insns) throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf).withHarts(harts)));
        try {
            await(s.addBreakpoint(BreakpointSpec.function("rt_exit")));
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            Stop live = await(s.goToTime(insns));
            double liveWall = (System.nanoTime() - t0) / 1e6;
            double liveCpu = (cpuNanos() - c0) / 1e6;
            c0 = cpuNanos();
            t0 = System.nanoTime();
            Stop back = await(s.reverseContinue());
            double backWall = (System.nanoTime() - t0) / 1e6;
            double backCpu = (cpuNanos() - c0) / 1e6;
            if (back.time() >= live.time()) {
                throw new IllegalStateException("reverse continue did not go back: " + back);
            }
            return new double[] {liveWall, liveCpu, backWall, backCpu, live.time(), live.time() - back.time()};
        } finally {
            await(s.end());
        }
    }
}
