package dev.rewind.emulator.cpu;

/**
 * Diagnostics of region formation ({@code -Drewind.jit.formLog=true}): one line per region formed on standard error,
 * with why it was formed (first formation, formed again by {@link ExitHeat}, {@link RegionCut.Shorts} or
 * {@link NarrowRetry}, or again after its region died), its class, size, the translations the cut made and the host
 * CPU time the main thread spent translating and defining it; the JVM's uptime (ms) matches {@code -XX:+PrintCompilation}'s
 * timestamps. Host time only: nothing here changes what runs.
 */
final class FormLog {
    private FormLog() {
    }

    static final boolean ON = Boolean.getBoolean("rewind.jit.formLog");

    /** Why a region is formed. */
    static final String FIRST = "first";
    static final String HEAT = "heat";
    static final String SHORTS = "shorts";
    static final String WARMED = "warmed";
    static final String NARROW = "narrow";

    /** Why the next region is formed, when a rule forms one again (null: first formation, or again after it died). */
    private static String next;

    /** The next region is formed again by the rule {@code why} (when on). */
    static void next(String why) {
        if (ON) {
            next = why;
        }
    }

    /** The current formation defined its class, of {@code code} bytes of bytecode, from {@code d0} on (when on). */
    static void defined(long d0, int code) {
        if (ON) {
            defineNanos = cpu() - d0;
            bytes = code;
        }
    }

    /** One more translation in the current formation (when on). */
    static void translated() {
        if (ON) {
            translations++;
        }
    }

    /**
     * Translations made by the current formation (the cut's tries included), its define time and the bytecode size of
     * the class it defined. Static, written only when on (a diagnostic of host time: nothing reads them to decide
     * anything; machines on several threads may mix their counts).
     */
    private static int translations;
    private static long defineNanos;
    private static int bytes;
    /** Heads regions were formed at (weak: blocks die with their machine). */
    private static final java.util.Set<Block> HEADS =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    /** Whether a region was formed at b before (and now it has been). */
    static boolean seen(Block b) {
        return !HEADS.add(b);
    }

    /** Totals over the JVM (all machines): formations, nanoseconds in compile. */
    private static long formed;
    private static long nanos;

    private static final java.lang.management.ThreadMXBean TX =
            ON ? java.lang.management.ManagementFactory.getThreadMXBean() : null;

    /** The current thread's CPU time (ns). */
    static long cpu() {
        return TX.getCurrentThreadCpuTime();
    }

    /**
     * The line of a region formed at b as j (its blocks {@code members}) of class c, {@code dt} ns of the main thread's
     * CPU time; a formation that translated nothing took its class from a cache.
     */
    static void line(Block b, JitCode j, Block[] members, Class<?> c, long dt) {
        String why = next != null ? next : seen(b) ? "again" : FIRST;
        next = null;
        boolean hit = translations == 0;
        int insns = 0;
        for (Block m : members) {
            insns += m.n;
        }
        formed++;
        nanos += dt;
        long up = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        System.err.println("FORM t=" + up + " why=" + why
                + " head=" + Long.toHexString(b.pc) + " cls=" + (c == null ? "-" : c.getName()) + " hit=" + hit
                + " blocks=" + (j == null ? 0 : j.blocks.length) + " insns=" + insns + " bytes=" + (hit ? 0 : bytes)
                + " xl=" + translations + " def=" + defineNanos / 1000 + " us=" + dt / 1000
                + " total=" + nanos / 1000000 + "ms/" + formed);
        translations = 0;
        defineNanos = 0;
        bytes = 0;
    }
}
