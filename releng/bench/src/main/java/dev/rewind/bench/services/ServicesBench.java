package dev.rewind.bench.services;

import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.SessionManager;
import dev.rewind.debug.Stop;
import dev.rewind.symbols.SourceLine;
import dev.rewind.symbols.Symbols;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Step-over latency of a C line through the debug services (the machine, no wire): forward ({@code stepRange} over
 * the line's addresses, calls stepped over) and backward (a reverse "next": two {@code stepBackRange} and one
 * instruction), on one hart early in a run and on four harts deep in history (ttbench's marks at ~1e6 and ~1e8
 * instructions of hart 0). Prints medians and the 90th percentile in milliseconds.
 *
 * <p>Usage: {@code ServicesBench [GUEST_ELF_DIR] [--steps N] [--deep]}.
 */
public final class ServicesBench {
    private ServicesBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "tests/guest/elf");
        int steps = 40;
        boolean deep = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--steps")) {
                steps = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--deep")) {
                deep = true;
            }
        }
        SessionManager manager = new SessionManager();
        try {
            oneHart(manager, dir.resolve("symbols-O0-rv32.elf"), steps);
            ttbench(manager, dir.resolve("ttbench-rv32.elf"), 4, 4_000_000L, steps);
            if (deep) {
                ttbench(manager, dir.resolve("ttbench-rv32.elf"), 4, 400_000_000L, steps);
            }
        } finally {
            manager.close();
        }
        System.exit(0);
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.MINUTES);
    }

    private static Stop run(DebugSession s) throws Exception {
        CompletableFuture<Stop> next = s.nextStop();
        await(s.resume());
        return await(next);
    }

    private static void oneHart(SessionManager manager, Path elf, int steps) throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf)));
        await(s.addBreakpoint(BreakpointSpec.function("step_loop")));
        run(s);
        await(s.removeBreakpoint(1));
        measure("symbols-O0, 1 hart, in step_loop", s, 0, steps);
        await(s.end());
    }

    private static void ttbench(SessionManager manager, Path elf, int harts, long time, int steps) throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf).withHarts(harts)));
        long started = System.nanoTime();
        Stop at = await(s.goToTime(time));
        System.out.printf("ttbench, %d harts: ran to time %,d in %.1f s%n", harts, at.time(),
                (System.nanoTime() - started) / 1e9);
        measure(String.format("ttbench, %d harts, time %,d", harts, at.time()), s, 0, steps);
        await(s.end());
    }

    private static void measure(String what, DebugSession s, int hart, int steps) throws Exception {
        Symbols syms = s.symbols().orElseThrow();
        List<Double> forward = new ArrayList<>();
        List<Double> backward = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            long pc = s.lastStop().pc();
            SourceLine line = syms.lineAt(pc).orElseThrow(() -> new IllegalStateException("no line at 0x"
                    + Long.toHexString(pc)));
            long t0 = System.nanoTime();
            await(s.stepRange(hart, line.lo(), line.hi(), true));
            forward.add((System.nanoTime() - t0) / 1e6);
        }
        for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            SourceLine line = syms.lineAt(s.lastStop().pc()).orElseThrow();
            Stop end = await(s.stepBackRange(hart, line.lo(), line.hi(), true));
            SourceLine previous = syms.lineAt(end.pc()).orElseThrow();
            await(s.stepBackRange(hart, previous.lo(), previous.hi(), true));
            await(s.stepInstruction(hart, 1));
            backward.add((System.nanoTime() - t0) / 1e6);
        }
        System.out.printf("%-45s next over a line: median %.2f ms (p90 %.2f); back over a line: median %.2f ms"
                + " (p90 %.2f)  [%d steps each]%n", what, pct(forward, 50), pct(forward, 90), pct(backward, 50),
                pct(backward, 90), steps);
    }

    private static double pct(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, s.size() * p / 100));
    }
}
