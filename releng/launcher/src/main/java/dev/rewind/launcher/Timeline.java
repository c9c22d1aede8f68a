package dev.rewind.launcher;

import java.lang.management.ManagementFactory;

/**
 * A diagnostic for start-up time (issue #16): with {@code -Drewind.timeline=true} (e.g. in REWIND_JAVA_OPTS) the
 * launcher prints its steps on standard error as milliseconds since the JVM started; {@code rewind run} adds its own.
 */
final class Timeline {

    static final boolean ON = Boolean.getBoolean("rewind.timeline");

    private Timeline() {
    }

    static void mark(String what) {
        if (ON) {
            System.err.printf("timeline %6d ms %6d ms CPU  %s%n", ManagementFactory.getRuntimeMXBean().getUptime(),
                    processCpuMillis(), what);
        }
    }

    /** CPU time of the whole process (every thread, the JVM's own too): under load a steadier measure than wall time. */
    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }
}
