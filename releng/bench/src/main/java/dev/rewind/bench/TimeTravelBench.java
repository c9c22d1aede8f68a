package dev.rewind.bench;

import dev.rewind.emulator.travel.HistoryStats;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import dev.rewind.emulator.travel.TravelResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rewind's time-travel benchmark on the engine API ({@link TimeMachine}): reverse-step latency at increasing depths
 * into a multi-hart and a single-hart run, recording overhead (snapshots on vs off), snapshot memory; QEMU's figures
 * (measured by releng/bench/timetravel.sh) printed alongside. Run it through timetravel.sh.
 */
public final class TimeTravelBench {

    private final BenchOptions o;
    private final PrintStream out;
    private final Map<Long, ReverseStepProbe.Result> multi = new TreeMap<>();
    private final List<ReverseStepProbe.Result> single = new ArrayList<>();
    private final List<OverheadProbe.Result> overhead = new ArrayList<>();

    TimeTravelBench(BenchOptions o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchOptions o;
        try {
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("TimeTravelBench: " + e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new TimeTravelBench(o, System.out).runAll();
        } catch (IOException e) {
            System.err.println("TimeTravelBench: " + e.getMessage());
            System.exit(2);
        }
    }

    void runAll() throws IOException {
        if (!Files.isRegularFile(o.elf())) {
            throw new IOException("no such ELF: " + o.elf() + " (run from the repository root or pass --root)");
        }
        QemuFigures qemu = o.qemu() == null ? null : QemuFigures.read(o.qemu());
        TravelConfig t = o.travel();
        out.printf("Rewind time-travel benchmark: Java %s, %d CPUs, load average %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        out.printf("history: snapshot interval %,d (stretching to %,d with the dirty-page rate), budget %d MiB, at most"
                + " %d automatic snapshots%n", t.snapshotInterval(), t.maxInterval(), t.memoryBudget() >> 20,
                t.maxSnapshots());
        out.printf("method: reverse step = TimeMachine.reverseStep(hart 0), timed with System.nanoTime in-process;"
                + " per depth %d points spread over one snapshot interval, each: 1 timed first step, %d untimed and"
                + " %d timed next steps%n", o.positions(), o.warmup(), o.reps());
        warmUp();
        if (o.multi()) {
            runMulti();
        }
        if (o.single()) {
            runSingle();
        }
        if (o.overhead()) {
            for (Path elf : List.of(o.elf(), o.elf().resolveSibling(o.elf().getFileName().toString()
                    .replace("ttbench", "bench-mt")))) {
                if (!Files.isRegularFile(elf)) {
                    progress("recording overhead: no %s, skipped", elf);
                    continue;
                }
                Guest g = new Guest(elf, o.harts(), o.ram());
                progress("recording overhead: %s, %,d instructions, %d runs each", g.describe(), o.overheadInsns(),
                        o.overheadReps());
                overhead.add(new OverheadProbe(g, t).measure(o.overheadInsns(), o.overheadReps(),
                        Math.min(o.overheadInsns(), 20_000_000L)));
            }
        }
        new Report(o, out).print(multi, single, overhead, qemu);
        out.printf("load average at the end: %s%n", loadAverage());
    }

    /**
     * JVM warm-up, untimed: a run with history on the multi-hart guest and reverse steps at many points, so that the
     * measured machines (which share its translated code, see the engine's TranslationCache) are not measured
     * while HotSpot still compiles. Its first reverse step is the cold figure: a brand-new JVM, first machine.
     */
    private void warmUp() throws IOException {
        Guest g = new Guest(o.elf(), o.harts(), o.ram());
        TimeMachine tm = g.timeMachine(o.travel());
        long interval = o.travel().snapshotInterval();
        ReverseStepProbe.goTo(tm, 10 * interval);
        long c0 = System.nanoTime();
        tm.reverseStep(0);
        double cold = (System.nanoTime() - c0) / 1e6;
        long t0 = System.nanoTime();
        new ReverseStepProbe(0, 8, 3, 1).measure(tm);
        ReverseStepProbe.goTo(tm, 30_000_000L);
        long[] jit = tm.machine().translationCounts();
        progress("warm-up: cold first reverse step at time %,d (new JVM, first machine): %.2f ms; then 32 reverse"
                + " steps in %,d ms and a run to 3e7 (untimed); translator: %d regions, %d failures", 10 * interval,
                cold, (System.nanoTime() - t0) / 1_000_000, jit[0], jit[2]);
    }

    /** The multi-hart run: depth = global virtual time. */
    private void runMulti() throws IOException {
        Guest g = new Guest(o.elf(), o.harts(), o.ram());
        progress("multi-hart run: %s", g.describe());
        TimeMachine tm = g.timeMachine(o.travel());
        ReverseStepProbe probe = new ReverseStepProbe(0, o.positions(), o.warmup(), o.reps());
        for (long d : o.depths()) {
            long t0 = System.nanoTime();
            ReverseStepProbe.goTo(tm, d);
            long reach = (System.nanoTime() - t0) / 1_000_000;
            ReverseStepProbe.Result r = probe.measure(tm);
            multi.put(d, r);
            progress("  depth %,d reached in %,d ms; first reverse steps %s ms, next %s ms; %s; interval %,d", d,
                    reach, r.firsts().format(3), r.atDepth().format(3), history(r.history()), tm.snapshotInterval());
        }
    }

    /** The single-hart run: depths = hart 0 at tt_mark (same points as QEMU's). */
    private void runSingle() throws IOException {
        Guest g = new Guest(o.elf(), 1, o.ram());
        progress("single-hart run: %s, stops at tt_mark", g.describe());
        TimeMachine tm = g.timeMachine(o.travel());
        ReverseStepProbe probe = new ReverseStepProbe(0, o.positions(), o.warmup(), o.reps());
        long max = o.depths().get(o.depths().size() - 1);
        long nominal = 1_000_000;
        long lastMark = -1;
        tm.machine().addBreakpoint(g.markPc());
        while (nominal <= max + max / 10) {
            long t0 = System.nanoTime();
            TravelResult r = tm.run(Long.MAX_VALUE);
            if (r.kind() != TravelResult.Kind.BREAKPOINT) {
                throw new IllegalStateException("single-hart run ended before tt_mark: " + r);
            }
            if (tm.time() <= lastMark || tm.machine().hart(0).pc() != g.markPc()) {
                continue;
            }
            lastMark = tm.time();
            long reach = (System.nanoTime() - t0) / 1_000_000;
            tm.machine().removeBreakpoint(g.markPc());
            ReverseStepProbe.Result res = probe.measure(tm);
            tm.machine().addBreakpoint(g.markPc());
            single.add(res);
            progress("  tt_mark at %,d reached in %,d ms; first reverse steps %s ms, next %s ms; %s", res.depth(),
                    reach, res.firsts().format(3), res.atDepth().format(3), history(res.history()));
            nominal *= 10;
        }
    }

    static String history(HistoryStats h) {
        return String.format("history %d snapshots, %.1f MiB", h.snapshots(), h.bytes() / 1048576.0);
    }

    private void progress(String fmt, Object... args) {
        out.printf("# " + fmt + "%n", args);
        out.flush();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
