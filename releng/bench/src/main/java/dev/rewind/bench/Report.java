package dev.rewind.bench;

import dev.rewind.emulator.travel.HistoryStats;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints the benchmark's tables. */
final class Report {

    /** Goal for one reverse step, ms. */
    static final double STEP_GOAL_MS = 10;
    /** Goal for the recording overhead (time-machine run / plain run). */
    static final double OVERHEAD_GOAL = 1.3;

    private final BenchOptions o;
    private final PrintStream out;

    Report(BenchOptions o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    void print(Map<Long, ReverseStepProbe.Result> multi, List<ReverseStepProbe.Result> single,
            List<OverheadProbe.Result> overheads, QemuFigures qemu) {
        out.println();
        out.printf("== Reverse step of one instruction, ms: median (min..max); goal <= %.0f ms, flat with depth ==%n",
                STEP_GOAL_MS);
        String fmt = "%-6s | %-20s | %-20s | %-20s | %-13s | %-20s | %-20s | %-20s | %s%n";
        out.printf(fmt, "depth", "Rewind " + o.harts() + "h first step", " .. next at depth", " .. next, 1 interval",
                "1 hart: mark", "Rewind 1h first step", " .. next at mark", "QEMU 7.2 at mark", "QEMU/Rewind");
        List<Long> depths = new ArrayList<>(o.depths());
        for (int i = 0; i < depths.size(); i++) {
            ReverseStepProbe.Result m = multi.get(depths.get(i));
            ReverseStepProbe.Result s = i < single.size() ? single.get(i) : null;
            QemuFigures.Row q = qemu == null || s == null ? null : qemu.near(s.depth());
            out.printf(fmt, exp(depths.get(i)),
                    m == null ? "-" : m.firsts().format(2),
                    m == null ? "-" : m.atDepth().format(2),
                    m == null ? "-" : m.spread().format(2),
                    s == null ? "-" : String.format("%,d", s.depth()),
                    s == null ? "-" : s.firsts().format(2),
                    s == null ? "-" : s.atDepth().format(2),
                    q == null ? "-" : q.reverseStepi().format(1),
                    q == null || s == null ? "-" : String.format("%.0fx", q.reverseStepi().median()
                            / s.firsts().median()));
        }
        out.println("  Rewind: in-process API call. 'first step': the first reverse step at each of " + o.positions()
                + " points spread over one snapshot interval after the depth (replays from the automatic snapshot;");
        out.println("  max = about the worst case). 'next': the steps after it at the same point (they replay from the"
                + " snapshot the first step left near its landing); '.. next, 1 interval': their per-point medians.");
        out.println("  QEMU/Rewind: QEMU's median over Rewind's first-step median.");
        if (qemu != null) {
            out.println("  QEMU: gdb-multiarch reverse-stepi over the gdbstub (stdio pipe), replay of a "
                    + "-icount shift=0,rr=record run, breakpoints deleted, same ELF on 1 hart; depth = QEMU icount");
            out.println("  (tt_mark count + the 6 instructions of QEMU's reset vector). Forward stepi round trip "
                    + "for scale: " + stepi(qemu) + " ms.");
        }
        for (OverheadProbe.Result overhead : overheads) {
            out.println();
            out.printf("== Recording overhead: %s, %,d instructions, %d harts, %d runs each, ms: median (min..max) ==%n",
                    overhead.guest(), overhead.insns(), o.harts(), o.overheadReps());
            out.printf("plain Machine (no history)        %-28s %7.1f MIPS%n", overhead.plainMs().format(0),
                    overhead.plainMips());
            out.printf("TimeMachine (automatic snapshots) %-28s %7.1f MIPS%n", overhead.travelMs().format(0),
                    overhead.travelMips());
            out.printf("slowdown %.2fx (goal <= %.1fx): %s%n", overhead.ratio(), OVERHEAD_GOAL,
                    overhead.ratio() <= OVERHEAD_GOAL ? "met" : "NOT met");
            out.printf("driving thread's CPU time: plain %s, TimeMachine %s: %.2fx (excludes GC and JIT threads)%n",
                    overhead.plainCpuMs().format(0), overhead.travelCpuMs().format(0), overhead.cpuRatio());
            out.println();
            HistoryStats h = overhead.history();
            out.printf("== Snapshot memory: %s after %,d instructions, %d MiB machine ==%n", overhead.guest(),
                    overhead.insns(), o.ram() >> 20);
            out.printf("history: %d snapshots (%d pinned), %,d unique pages, %.1f MiB accounted of a %d MiB budget"
                    + " (%s), reaching back to time %,d%n", h.snapshots(), h.pinned(), h.uniquePages(),
                    h.bytes() / 1048576.0, h.budget() >> 20, h.bytes() <= h.budget() ? "within" : "OVER",
                    h.earliestTime());
            out.printf("JVM heap held by history (used heap after GC, time machine alive minus plain machine): ~%.1f MiB%n",
                    overhead.heapBytes() / 1048576.0);
        }
        if (!multi.isEmpty()) {
            out.println("history kept at each depth of the " + o.harts() + "-hart run:");
            for (var e : multi.entrySet()) {
                out.printf("  %-6s %s%n", exp(e.getKey()), TimeTravelBench.history(e.getValue().history()));
            }
        }
    }

    private static String stepi(QemuFigures q) {
        StringBuilder b = new StringBuilder();
        for (QemuFigures.Row r : q.rows()) {
            b.append(b.isEmpty() ? "" : ", ").append(String.format("%.1f", r.stepiMs()));
        }
        return b.toString();
    }

    /** 1000000 -> "1e6"; other numbers with separators. */
    static String exp(long v) {
        long x = v;
        int e = 0;
        while (x >= 10 && x % 10 == 0) {
            x /= 10;
            e++;
        }
        return e >= 3 ? (x == 1 ? "1e" + e : x + "e" + e) : String.format("%,d", v);
    }
}
