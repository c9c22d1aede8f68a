package dev.rewind.emulator.cpu;

import java.util.HashMap;
import java.util.Map;

/**
 * When a region with RV64 narrow registers ({@code jit.Narrow}) is translated again without some of them: its entries
 * return to the interpreter ("bail", {@link JitCode#bail}) while a register they read holds a value that is not a
 * sign-extended word (CoreMark's crc16 region: 737k times per 1e9 instructions, each one block in the interpreter).
 * A region that bails {@link #BAILS} times within {@link #WINDOW} of its hart's retired instructions is translated
 * again without the registers that bailed ({@code -Drewind.jit.narrowRetry=regs}, the default) or without any
 * ({@code =all}); a second time, without any; never more ({@code =off}: never). The registers belong to the region's
 * head (its re-formations keep them). A function of guest execution only: same guest, same translations.
 */
final class NarrowRetry {

    /** {@code regs} (default), {@code all} or {@code off}: see the class comment. */
    static final String MODE = System.getProperty("rewind.jit.narrowRetry", "regs");
    /** Bails within a {@link #WINDOW} that make a region translated again. */
    static final int BAILS = Integer.getInteger("rewind.jit.narrowBails", 256);
    /** The window, in retired instructions of the bailing hart (2^24: over 1.5e-5 bails per instruction). */
    static final long WINDOW = Long.getLong("rewind.jit.narrowWindow", 1L << 24);

    /** Per region head: the registers (bit r) never narrow again there; -1: none narrow. */
    private final Map<Long, Integer> wide = new HashMap<>();
    /** Regions translated again by this rule. */
    long retried;

    /** The registers (bit r) the region headed at {@code head} does not keep narrow. */
    int wide(long head) {
        return wide.getOrDefault(head, 0);
    }

    /**
     * Region j bailed on hart h with the registers {@code regs} (bit r) holding wide values: true when it is to be
     * translated again (the head's registers are then updated).
     */
    boolean bailed(JitCode j, Hart h, int regs) {
        if ("off".equals(MODE)) {
            return false;
        }
        long now = h.retired;
        if (j.bails == 0 || now - j.bailFrom >= WINDOW) {
            j.bailFrom = now;
            j.bails = 0;
            j.bailRegs = 0;
        }
        j.bailRegs |= regs;
        if (++j.bails < BAILS) {
            return false;
        }
        j.bails = 0;
        long head = j.pc();
        int before = wide(head);
        if (before == -1) {
            return false;
        }
        wide.put(head, before != 0 || "all".equals(MODE) ? -1 : j.bailRegs);
        retried++;
        FormLog.next(FormLog.NARROW);
        if (JitControl.DUMP) {
            System.err.println("NARROW-RETRY " + Long.toHexString(head) + " wide " + Integer.toHexString(wide(head)));
        }
        return true;
    }
}
