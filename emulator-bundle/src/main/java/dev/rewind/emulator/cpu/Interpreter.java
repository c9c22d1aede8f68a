package dev.rewind.emulator.cpu;

import static dev.rewind.emulator.mem.PhysicalMemory.I16;
import static dev.rewind.emulator.mem.PhysicalMemory.I32;
import static dev.rewind.emulator.mem.PhysicalMemory.I64;

import dev.rewind.emulator.isa.Op;
import dev.rewind.emulator.mem.PhysicalMemory;

/**
 * Executes decoded blocks. {@link #runSlice} runs one hart for a budget of scheduler slots (retired
 * instructions, plus one per exception taken); {@link #exec} is the hot loop over one block: locals,
 * a switch on a small int op, registers in a {@code long[]}, RAM through the page arrays of
 * {@link PhysicalMemory} with little-endian VarHandles. Anything unusual (MMIO, watched, shared, code or
 * reserved pages, page-crossing accesses, atomics, CSRs, traps) leaves the fast path. Blocks entered more
 * than a threshold are translated to JVM bytecode ({@link JitControl}, {@link JitCode}, package
 * {@code dev.rewind.emulator.jit}); {@link #runSlice} then runs their region instead of {@link #exec}, with
 * the same contract ("run whole blocks within the budget, update x/pc/counters, return slots used") and the
 * same exits, so translation never changes execution, only its speed.
 */
public final class Interpreter {

    final Bus bus;
    final CodeCache code;
    final byte[][] lp;
    final byte[][] sp;
    /** Page tables with no page at all: a guarded hart's accesses all take the slow path ({@link GuestChecks}). */
    private final byte[][] noPages;
    private final long base;
    private final long size;
    private final long[] bpSkip;
    private final JitControl jit;
    final dev.rewind.emulator.plugin.PluginHost host;

    public Interpreter(Bus bus, CodeCache code, PhysicalMemory mem, int harts) {
        this.bus = bus;
        this.code = code;
        this.lp = mem.loadPages;
        this.sp = mem.storePages;
        this.noPages = new byte[mem.loadPages.length][];
        this.base = mem.base();
        this.size = mem.size();
        this.bpSkip = new long[harts];
        java.util.Arrays.fill(bpSkip, -1);
        this.jit = new JitControl(this, code, mem, code.xlen());
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
            if (j != null && budget - used >= b.n && !bus.cut && !guarded) {
                used += j.run(h, Math.min(budget - used, jit.cap(j)), used);
            } else if (b.probes != null) {
                used += ProbedExec.run(this, h, b, b.probes, room, used);
            } else {
                used += exec(h, b, room, used);
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

    private static byte[] page(byte[][] pages, long off, long size, int maxOff) {
        return off >= 0 && off < size && ((int) off & PhysicalMemory.PAGE_MASK) <= maxOff
                ? pages[(int) (off >>> PhysicalMemory.PAGE_BITS)] : null;
    }

    private long slowLoad(Hart h, long a, int len, long idx) {
        bus.idx = (int) idx;
        return bus.load(h, a, len);
    }

    private void slowStore(Hart h, long a, int len, long v, long idx) {
        bus.idx = (int) idx;
        bus.store(h, a, len, v);
    }

    /**
     * Executes {@code b} and then chained successor blocks, up to {@code budget} slots; returns the slots
     * used. Leaves the chain after blocks that end in CSR/system instructions, before blocks that need the
     * slice loop (breakpoints, callbacks), on traps and when the bus asks for attention.
     *
     * @param t0 slots already used in this slice before {@code b} (for device time)
     */
    long exec(Hart h, Block b, long budget, long t0) {
        final long[] x = h.x;
        final long am = h.xmask;
        final boolean guarded = h.guarded();
        final byte[][] lp = guarded ? noPages : this.lp;
        final byte[][] sp = guarded ? noPages : this.sp;
        final long base = this.base;
        final long size = this.size;
        final boolean jitOn = jit.enabled;
        final int hot = jit.threshold;
        long used = 0;
        while (true) {
        final int[] ops = b.code;
        final long[] imms = b.imm;
        final int lim = (int) Math.min(b.n, budget - used);
        final long at = t0 + used;
        long npc = b.endPc;
        int i = 0;
        try {
            loop:
            for (; i < lim; i++) {
                final int w = ops[i];
                final long imm = imms[i];
                final int rd = (w >>> 8) & 63;
                final int r1 = (w >>> 16) & 63;
                final int r2 = (w >>> 24) & 63;
                switch (w & 0xFF) {
                    case Op.LUI, Op.AUIPC -> x[rd] = imm;
                    case Op.ADDI -> x[rd] = x[r1] + imm;
                    case Op.ADDIW -> x[rd] = (int) (x[r1] + imm);
                    case Op.SLTI -> x[rd] = x[r1] < imm ? 1 : 0;
                    case Op.SLTIU -> x[rd] = Long.compareUnsigned(x[r1], imm) < 0 ? 1 : 0;
                    case Op.XORI -> x[rd] = x[r1] ^ imm;
                    case Op.ORI -> x[rd] = x[r1] | imm;
                    case Op.ANDI -> x[rd] = x[r1] & imm;
                    case Op.SLLI -> x[rd] = x[r1] << imm;
                    case Op.SRLI -> x[rd] = x[r1] >>> imm;
                    case Op.SRAI -> x[rd] = x[r1] >> imm;
                    case Op.SLLIW -> x[rd] = (int) x[r1] << imm;
                    case Op.SRLIW -> x[rd] = (int) x[r1] >>> imm;
                    case Op.SRAIW -> x[rd] = (int) x[r1] >> imm;
                    case Op.ADD -> x[rd] = x[r1] + x[r2];
                    case Op.SUB -> x[rd] = x[r1] - x[r2];
                    case Op.SLL -> x[rd] = x[r1] << x[r2];
                    case Op.SRL -> x[rd] = x[r1] >>> x[r2];
                    case Op.SRA -> x[rd] = x[r1] >> x[r2];
                    case Op.SLT -> x[rd] = x[r1] < x[r2] ? 1 : 0;
                    case Op.SLTU -> x[rd] = Long.compareUnsigned(x[r1], x[r2]) < 0 ? 1 : 0;
                    case Op.XOR -> x[rd] = x[r1] ^ x[r2];
                    case Op.OR -> x[rd] = x[r1] | x[r2];
                    case Op.AND -> x[rd] = x[r1] & x[r2];
                    case Op.ADDW -> x[rd] = (int) (x[r1] + x[r2]);
                    case Op.SUBW -> x[rd] = (int) (x[r1] - x[r2]);
                    case Op.SLLW -> x[rd] = (int) x[r1] << (int) x[r2];
                    case Op.SRLW -> x[rd] = (int) x[r1] >>> (int) x[r2];
                    case Op.SRAW -> x[rd] = (int) x[r1] >> (int) x[r2];
                    case Op.MUL -> x[rd] = x[r1] * x[r2];
                    case Op.MULW -> x[rd] = (int) (x[r1] * x[r2]);
                    case Op.MULH -> x[rd] = Math.multiplyHigh(x[r1], x[r2]);
                    case Op.MULHU -> x[rd] = Math.unsignedMultiplyHigh(x[r1], x[r2]);
                    case Op.MULHSU -> x[rd] = Math.multiplyHigh(x[r1], x[r2]) + (x[r2] < 0 ? x[r1] : 0);
                    case Op.MULH32 -> x[rd] = (int) ((x[r1] * x[r2]) >> 32);
                    case Op.MULHU32 -> x[rd] = (int) (((x[r1] & 0xFFFFFFFFL) * (x[r2] & 0xFFFFFFFFL)) >>> 32);
                    case Op.MULHSU32 -> x[rd] = (int) ((x[r1] * (x[r2] & 0xFFFFFFFFL)) >> 32);
                    case Op.DIV, Op.DIVU, Op.REM, Op.REMU, Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW ->
                            x[rd] = Alu.divide(w & 0xFF, x[r1], x[r2]);
                    case Op.JAL -> {
                        x[rd] = b.link;
                        npc = imm;
                    }
                    case Op.JALR -> {
                        npc = (x[r1] + imm) & ~1L & am;
                        x[rd] = b.link;
                    }
                    case Op.BEQ -> npc = x[r1] == x[r2] ? imm : npc;
                    case Op.BNE -> npc = x[r1] != x[r2] ? imm : npc;
                    case Op.BLT -> npc = x[r1] < x[r2] ? imm : npc;
                    case Op.BGE -> npc = x[r1] >= x[r2] ? imm : npc;
                    case Op.BLTU -> npc = Long.compareUnsigned(x[r1], x[r2]) < 0 ? imm : npc;
                    case Op.BGEU -> npc = Long.compareUnsigned(x[r1], x[r2]) >= 0 ? imm : npc;
                    case Op.LB, Op.LBU -> {
                        long a = (x[r1] + imm) & am;
                        byte[] pg = page(lp, a - base, size, 4095);
                        long v = pg != null ? pg[(int) (a - base) & 4095] : slowLoad(h, a, 1, at + i);
                        x[rd] = (w & 0xFF) == Op.LB ? (byte) v : v & 0xFF;
                        if (pg == null && bus.cut) {
                            i++;
                            break loop;
                        }
                    }
                    case Op.LH, Op.LHU -> {
                        long a = (x[r1] + imm) & am;
                        byte[] pg = page(lp, a - base, size, 4094);
                        long v = pg != null ? (short) I16.get(pg, (int) (a - base) & 4095) : slowLoad(h, a, 2, at + i);
                        x[rd] = (w & 0xFF) == Op.LH ? (short) v : v & 0xFFFF;
                        if (pg == null && bus.cut) {
                            i++;
                            break loop;
                        }
                    }
                    case Op.LW, Op.LWU -> {
                        long a = (x[r1] + imm) & am;
                        byte[] pg = page(lp, a - base, size, 4092);
                        long v = pg != null ? (int) I32.get(pg, (int) (a - base) & 4095) : slowLoad(h, a, 4, at + i);
                        x[rd] = (w & 0xFF) == Op.LW ? (int) v : v & 0xFFFFFFFFL;
                        if (pg == null && bus.cut) {
                            i++;
                            break loop;
                        }
                    }
                    case Op.LD -> {
                        long a = (x[r1] + imm) & am;
                        byte[] pg = page(lp, a - base, size, 4088);
                        x[rd] = pg != null ? (long) I64.get(pg, (int) (a - base) & 4095) : slowLoad(h, a, 8, at + i);
                        if (pg == null && bus.cut) {
                            i++;
                            break loop;
                        }
                    }
                    case Op.SB, Op.SH, Op.SW, Op.SD -> {
                        long a = (x[r1] + imm) & am;
                        int op = w & 0xFF;
                        int len = 1 << (op - Op.SB);
                        byte[] pg = page(sp, a - base, size, 4096 - len);
                        if (pg != null) {
                            int o = (int) (a - base) & 4095;
                            long v = x[r2];
                            switch (op) {
                                case Op.SB -> pg[o] = (byte) v;
                                case Op.SH -> I16.set(pg, o, (short) v);
                                case Op.SW -> I32.set(pg, o, (int) v);
                                default -> I64.set(pg, o, v);
                            }
                        } else {
                            slowStore(h, a, len, x[r2], at + i);
                            if (bus.cut) {
                                i++;
                                break loop;
                            }
                        }
                    }
                    case Op.FENCE -> {
                    }
                    default -> {
                        npc = rare(h, b, i, w, imm, npc, at + i);
                        if (bus.cut) {
                            i++;
                            break loop;
                        }
                    }
                }
            }
        } catch (Trap t) {
            long epc = (b.pc + b.offs[i]) & am;
            h.retired += i;
            h.cycles += i + 1;
            h.enterTrap(t.cause, t.tval, false, epc);
            x[32] = 0;
            if (host.traps) {
                host.trap(h.id, bus.blockTime + at + i, t.cause, false, epc, t.tval & am);
            }
            return used + i + 1;
        }
        h.retired += i;
        h.cycles += i;
        used += i;
        if (i < b.n) {
            h.pc = (b.pc + b.offs[i]) & am;
            return used;
        }
        h.pc = npc;
        if (b.exits || bus.cut || used >= budget || guarded) {
            return used;
        }
        Block nb = b.s0;
        if (nb == null || nb.pc != npc || !nb.valid) {
            nb = b.s1;
            if (nb == null || nb.pc != npc || !nb.valid) {
                nb = code.lookup(npc);
                if (nb == null) {
                    return used;
                }
                if (b.s0 == null || !b.s0.valid) {
                    b.s0 = nb;
                } else {
                    b.s1 = nb;
                }
            }
        }
        if (nb.special() || jitOn && (nb.jit != null || !nb.jitFailed && nb.hits++ >= hot)) {
            return used;
        }
        b = nb;
        }
    }

    /** Atomics, CSRs and system instructions; returns the next pc (or {@code npc} unchanged). */
    long rare(Hart h, Block b, int i, int w, long imm, long npc, long idx) {
        final long[] x = h.x;
        final int op = w & 0xFF;
        final int rd = (w >>> 8) & 63;
        final int r1 = (w >>> 16) & 63;
        final int r2 = (w >>> 24) & 63;
        bus.idx = (int) idx;
        if (op >= Op.LR_W && op <= Op.AMOMAXU_D) {
            x[rd] = bus.amo(h, op, x[r1] & h.xmask, x[r2]);
            return npc;
        }
        long pc = (b.pc + b.offs[i]) & h.xmask;
        switch (op) {
            case Op.CSRRW, Op.CSRRS, Op.CSRRC, Op.CSRRWI, Op.CSRRSI, Op.CSRRCI -> {
                x[rd] = Csrs.execute(h, op, (int) imm, r1, x[r1], b.raw[i], h.retired + i, bus.blockTime + idx);
                return npc;
            }
            case Op.ECALL -> throw h.trap.set(h.priv == Hart.PRIV_M ? Trap.ECALL_M : Trap.ECALL_U, 0);
            case Op.EBREAK -> throw h.trap.set(Trap.BREAKPOINT, pc);
            case Op.MRET -> {
                if (h.priv != Hart.PRIV_M) {
                    throw h.trap.set(Trap.ILLEGAL_INSN, b.raw[i]);
                }
                h.mret();
                return h.pc;
            }
            case Op.WFI -> {
                if (h.priv != Hart.PRIV_M && (h.mstatus & Hart.MSTATUS_TW) != 0) {
                    throw h.trap.set(Trap.ILLEGAL_INSN, b.raw[i]);
                }
                if ((h.mip & h.mie) == 0) {
                    h.sleeping = true;
                }
                return npc;
            }
            case Op.FENCE_I -> {
                return npc;
            }
            default -> throw h.trap.set(Trap.ILLEGAL_INSN, op == Op.ILLEGAL ? imm : b.raw[i]);
        }
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
