package dev.rewind.emulator.cpu;

import dev.rewind.emulator.mem.PhysicalMemory;

/**
 * Executes decoded blocks. {@link #runSlice} runs one hart for a budget of scheduler slots (retired
 * instructions, plus one per exception taken); {@code BlockExec.exec} is the hot loop over one block: locals,
 * a switch on a small int op, registers in a {@code long[]}, RAM through the flat array and tag tables of
 * {@link PhysicalMemory} with little-endian VarHandles. Anything unusual (MMIO, watched, shared, code or
 * reserved pages, page-crossing accesses, atomics, CSRs, traps) leaves the fast path. Blocks entered more
 * than a threshold are translated to JVM bytecode ({@link JitControl}, {@link JitCode}, package
 * {@code dev.rewind.emulator.jit}); {@link #runSlice} then runs their region instead of {@code BlockExec.exec}, with
 * the same contract ("run whole blocks within the budget, update x/pc/counters, return slots used") and the
 * same exits, so translation never changes execution, only its speed.
 */
public final class Interpreter {

    final Bus bus;
    final CodeCache code;
    /** RAM ({@link PhysicalMemory#ram}, read at each entry: it grows) and its fast-path tag tables. */
    final PhysicalMemory mem;
    final int[] lt;
    final int[] st;
    /** A tag table with no page on the fast path: a guarded hart's accesses all take the slow path ({@link GuestChecks}). */
    final int[] noTags;
    final long base;
    private final long[] bpSkip;
    final JitControl jit;
    final dev.rewind.emulator.plugin.PluginHost host;

    public Interpreter(Bus bus, CodeCache code, PhysicalMemory mem, int harts) {
        this.bus = bus;
        this.code = code;
        this.mem = mem;
        this.lt = mem.loadTags;
        this.st = mem.storeTags;
        this.noTags = new int[mem.pageCount()];
        java.util.Arrays.fill(noTags, -1);
        this.base = mem.base();
        this.bpSkip = new long[harts];
        java.util.Arrays.fill(bpSkip, -1);
        this.jit = new JitControl(this, code, mem, code.xlen(), harts == 1);
        this.host = code.pluginHost();
    }

    /**
     * Turns the bytecode translator on or off (default: on unless {@code -Drewind.jit=false}) and sets how many
     * times a block is entered before its region is translated (default 100, {@code -Drewind.jit.threshold}).
     * Either way the guest sees exactly the same execution.
     */
    public void setTranslation(boolean enabled, int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("translation threshold must not be negative: " + threshold);
        }
        jit.enabled = enabled;
        jit.threshold = threshold;
    }

    /**
     * Budget checks of regions translated from now on at loop headers and entries only, on one-hart machines, in the
     * regions where they pay (by default those of short blocks: {@code jit.BudgetPlan.RULE}); on by default on one-hart
     * machines ({@code -Drewind.jit.sparse=false} turns it off); execution is the same either way.
     */
    public void setSparseBudgetChecks(boolean on) {
        jit.sparse(on);
    }

    /**
     * Regions translated from now on bound to this machine's memory (classes of this machine only), or shared with the
     * JVM's other machines; execution is the same either way.
     */
    public void setBoundTranslation(boolean on) {
        jit.bind(on);
    }

    public boolean translationEnabled() {
        return jit.enabled;
    }

    /**
     * Regions translated, blocks they cover, failed translations (0 unless something is wrong), regions whose blocks
     * lie on several pages.
     */
    public long[] translationCounts() {
        return new long[] {jit.regions, jit.regionBlocks, jit.failures, jit.multiPage};
    }

    /** The error of the last failed translation, or null. */
    public String lastTranslationFailure() {
        return jit.lastFailure;
    }


    /** Lets hart {@code hart} execute the breakpoint at {@code pc} once (resuming after a breakpoint stop). */
    public void skipBreakpointOnce(int hart, long pc) {
        bpSkip[hart] = pc;
    }

    public void clearBreakpointSkips() {
        java.util.Arrays.fill(bpSkip, -1);
    }

    /** Set when a slice stopped before a breakpoint (the hart whose pc carries it). */
    public int breakpointHart = -1;

    /**
     * Runs {@code h} for at most {@code budget} slots from virtual time {@code t0}. Returns early when the
     * hart sleeps (WFI), hits a breakpoint (sets {@link #breakpointHart}), or the bus needs the machine's
     * attention (exit request, watchpoint hit).
     */
    public long runSlice(Hart h, long budget, long t0) {
        long used = 0;
        while (used < budget && !h.sleeping) {
            int irq = h.pendingInterrupt();
            if (irq >= 0) {
                long epc = h.pc;
                h.enterTrap(irq, 0, true, epc);
                if (host.traps) {
                    host.trap(h.id, t0 + used, irq, true, epc, 0);
                }
            }
            bus.blockTime = t0;
            bus.idx = (int) used;
            long pc = h.pc;
            Block b = code.lookup(pc);
            if (b == null) {
                try {
                    b = code.build(pc, h.trap);
                } catch (Trap t) {
                    trapAtFetch(h, t, pc, t0 + used);
                    used++;
                    continue;
                }
            }
            if (b.breakpoint) {
                if (bpSkip[h.id] == pc) {
                    bpSkip[h.id] = -1;
                } else {
                    breakpointHart = h.id;
                    return used;
                }
            }
            bpSkip[h.id] = -1;
            long room = budget - used;
            boolean guarded = h.guarded();
            if (guarded) {
                try {
                    room = Math.min(room, GuestChecks.runnable(h, b));
                } catch (Trap t) {
                    trapAtFetch(h, t, pc, t0 + used);
                    used++;
                    continue;
                }
            }
            JitCode j = b.jit;
            if (jit.enabled) {
                if (j == null && !b.jitFailed && b.translatable() && b.hits++ >= jit.threshold) {
                    j = jit.compile(b);
                }
            } else {
                j = null;
            }
            // (0: no region, or the region had no budget for what runs up to its next check: the interpreter goes on)
            if (j != null) {
                mem.settle(); // RAM's array stays the same during the region's run (PhysicalMemory.settle)
            }
            long ran = j != null && budget - used >= b.n && !bus.cut && !guarded
                    ? j.run(h, Math.min(budget - used, jit.cap(j)), used) : 0;
            long u0 = used;
            if (ran > 0) {
                used += ran;
                jit.exited(j, h.pc, ran);
            } else if (b.probes != null) {
                used += ProbedExec.run(this, h, b, b.probes, room, used);
            } else {
                used += BlockExec.exec(this, h, b, room, used);
            }
            if (TripStats.ON) {
                jit.trips.record(pc, ran > 0 ? j : null, used - u0);
            }
            if (bus.cut) {
                bus.cut = false;
                if (bus.exitRequested || bus.watch.hasHit()) {
                    return used;
                }
            }
        }
        return used;
    }

    /** A trap before a block's first instruction (a fetch fault, an execute trigger): taken, it counts as one. */
    private void trapAtFetch(Hart h, Trap t, long pc, long time) {
        h.enterTrap(t.cause, t.tval, false, pc);
        if (host.traps) {
            host.trap(h.id, time, t.cause, false, pc, t.tval & h.xmask);
        }
        h.cycles++;
    }
}
