package dev.rewind.shell.run;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A diagnostic for whole-process speed (issue #16): with {@code -Drewind.timeline=true} (e.g. in REWIND_JAVA_OPTS) the
 * run prints on standard error, as milliseconds since the JVM started, when the command was entered, the ELF read,
 * the machine loaded, and then the wall and running-thread CPU time of every window of {@code rewind.timeline.window}
 * instructions (default 2.5e8): where the JIT warm-up ends and the steady state begins. The launcher prints its own
 * steps the same way.
 */
final class Timeline {

    static final boolean ON = Boolean.getBoolean("rewind.timeline");

    private Timeline() {
    }

    static void mark(String what) {
        if (ON) {
            System.err.printf("timeline %6d ms %6d ms CPU  %s  [%s thread %d ms CPU]%n",
                    ManagementFactory.getRuntimeMXBean().getUptime(), processCpuMillis(), what,
                    Thread.currentThread().getName(),
                    ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
        }
    }

    /** {@code machine.run(max)}, in windows when the timeline is on (each window a separate {@code run}). */
    static RunResult run(Machine machine, long max) {
        if (!ON) {
            return machine.run(max);
        }
        long window = Math.max(1, Long.getLong("rewind.timeline.window", 250_000_000L));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = machine.time();
        while (true) {
            long done = machine.time() - start;
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            RunResult result = machine.run(Math.min(window, max - done));
            mark(String.format("%,d instructions: window %.0f ms wall, %.0f ms thread CPU", machine.time(),
                    (System.nanoTime() - t0) / 1e6, (threads.getCurrentThreadCpuTime() - c0) / 1e6));
            if (result.reason() != StopReason.LIMIT_REACHED || machine.time() - start >= max) {
                return result;
            }
        }
    }

    /** CPU time of the whole process (every thread, the JVM's own too): under load a steadier measure than wall time. */
    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }
}
