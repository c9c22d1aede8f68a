package dev.rewind.emulator.jit;

import dev.rewind.emulator.isa.Op;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which registers of a region are {@link Narrow} (RV64): every write of the region gives a sign-extended 32-bit
 * value, given the other narrow registers (the greatest such set), some write types it as 32-bit, and an innermost
 * loop reads it at the start of one of its blocks or a W op of the loop reads it; not a loop's pure counter. The
 * measurements behind each rule are in the comments below and in the notes of session 12 (narrow.md).
 */
final class NarrowSelect {
    private NarrowSelect() {
    }

    /**
     * On with {@code -Drewind.jit.narrow=true}. Off by default: with `rewind run`'s JVM options (RV64:
     * -XX:-UseFPUForSpilling) work-mix-rv64 lost 6% and CoreMark-25k-rv64 2% (notes of session 13, narrow.md).
     */
    static final boolean ON = Boolean.getBoolean("rewind.jit.narrow");
    /** Entries into an innermost loop check every narrow register the loop uses ({@code =false}: what they read). */
    static final boolean GROUP = !"false".equals(System.getProperty("rewind.jit.narrowGroup"));
    /** Loop counters narrow too ({@code -Drewind.jit.narrowCounters=true}). */
    static final boolean COUNTERS = Boolean.getBoolean("rewind.jit.narrowCounters");
    /** Registers an innermost loop uses ({@code -Drewind.jit.narrowMode=hot}) rather than those it reads. */
    static final boolean HOT = "hot".equals(System.getProperty("rewind.jit.narrowMode"));
    /** Loop temporaries that a W op of the loop reads too ({@code -Drewind.jit.narrowTemps=false}: not). */
    static final boolean TEMPS = !"false".equals(System.getProperty("rewind.jit.narrowTemps"));
    /** Registers an innermost loop reads and writes ({@code -Drewind.jit.narrowMode=carried}). */
    static final boolean CARRIED = "carried".equals(System.getProperty("rewind.jit.narrowMode"));

    /**
     * Flags ({@code -Drewind.jit.narrowFlags=true}: x[r] still holds a wide value; entries check where it is read)
     * rather than one check of every narrow register at the region's entry (the default: the entry returns when any
     * is wide, and cpu.NarrowRetry drops the registers that do so often; no flag tests at exits, no flag phis).
     */
    static final boolean FLAGS = Boolean.getBoolean("rewind.jit.narrowFlags");
    /** Only registers the innermost loops read in int form at least as often as in long form (=false: any). */
    static final boolean CONSUMERS = !"false".equals(System.getProperty("rewind.jit.narrowConsumers"));
    /** Counters masked to a byte count too ({@code -Drewind.jit.narrowMasked=false}: not). */
    static final boolean MASKED = !"false".equals(System.getProperty("rewind.jit.narrowMasked"));

    /** Prints each translation's narrow registers to standard error ({@code -Drewind.jit.narrowDump=true}). */
    static final boolean DUMP = Boolean.getBoolean("rewind.jit.narrowDump");

    /**
     * Per register field value 0..63: narrow in this region (only registers 1..31), none of {@code wide} (bit r: a
     * register whose narrow entries returned to the interpreter too often, {@code cpu.NarrowRetry}; -1: all).
     */
    static boolean[] of(List<BlockSpec> blocks, Map<Long, Integer> index, boolean rv32, boolean[] cold,
            Supplier<int[]> cycles, int wide) {
        return ON ? select(blocks, index, rv32, cold, cycles, wide, CONSUMERS) : new boolean[64];
    }

    /** Whether any register of n is narrow. */
    static boolean any(boolean[] n) {
        for (boolean b : n) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** {@link #of}, on or not. */
    static boolean[] select(List<BlockSpec> blocks, Map<Long, Integer> index, boolean rv32, boolean[] cold,
            Supplier<int[]> cycles, int wide, boolean consumers) {
        boolean[] n = new boolean[64];
        if (rv32 || wide == -1) {
            return n;
        }
        for (BlockSpec b : blocks) {
            if (b.probes() != null) {
                return n;
            }
        }
        int[] inner = cycles.get();
        boolean[] hot = new boolean[32];
        for (int k = 0; k < blocks.size(); k++) {
            if (inner[k] != Integer.MAX_VALUE) {
                for (int w : blocks.get(k).code()) {
                    hot[((w >>> 8) & 63) & 31] = true;
                    hot[(w >>> 16) & 31] = true;
                    hot[(w >>> 24) & 31] = true;
                }
            }
        }
        for (BlockSpec b : blocks) {
            for (int w : b.code()) {
                int rd = (w >>> 8) & 63;
                if (rd > 0 && rd < 32 && !cold[rd]) {
                    n[rd] = true;
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (BlockSpec b : blocks) {
                int len = b.length();
                for (int i = 0; i < len; i++) {
                    int w = b.code()[i];
                    int rd = (w >>> 8) & 63;
                    if (rd > 0 && rd < 32 && n[rd] && !narrowDef(b, i, n)) {
                        n[rd] = false;
                        changed = true;
                    }
                }
            }
        }
        // keep those read at the start of a block of an innermost loop (carried by the loop: a phi, or read by it
        // unchanged: a bound), not its temporaries (written before read: work-mem-rv64's byte copy -25% with its lbu
        // value as an int); -Drewind.jit.narrowMode=hot: any the loop uses, =carried: read and written by it; and the
        // narrow registers their writes' narrowness depends on
        boolean[] keep = new boolean[64];
        int[] live = NarrowLive.liveIn(blocks, index, n);
        int carried = 0;
        int written = 0;
        int wOperand = 0;
        for (int k = 0; k < blocks.size(); k++) {
            if (inner[k] != Integer.MAX_VALUE) {
                carried |= live[k];
                for (int w : blocks.get(k).code()) {
                    written |= 1 << (((w >>> 8) & 63) & 31);
                    if (wOp(w & 0xFF)) {
                        wOperand |= 1 << ((w >>> 16) & 31) | 1 << ((w >>> 24) & 31);
                    }
                }
            }
        }
        int live0 = TEMPS ? carried | wOperand : carried;
        for (int r = 1; r < 32; r++) {
            keep[r] = n[r] && (HOT ? hot[r] : CARRIED ? (carried & written & 1 << r) != 0 : (live0 & 1 << r) != 0);
        }
        changed = true;
        while (changed) {
            changed = false;
            for (BlockSpec b : blocks) {
                for (int i = 0; i < b.length(); i++) {
                    int w = b.code()[i];
                    int rd = (w >>> 8) & 63;
                    if (rd > 0 && rd < 32 && keep[rd] && dependent(b, i)) {
                        for (int r : new int[] {(w >>> 16) & 31, (w >>> 24) & 31}) {
                            if (r != 0 && n[r] && !keep[r]) {
                                keep[r] = true;
                                changed = true;
                            }
                        }
                    }
                }
            }
        }
        // only registers some write of the region types as 32-bit (a W op, a sub-word load, SLT*): one written there
        // only by constants (li a7, 0) or moves is often a pointer or long another region writes (bench-rv64's list
        // merge: a7 a null pointer here, a node elsewhere; its entries returned to the interpreter 4.6 million times)
        int typed = 0;
        for (BlockSpec b : blocks) {
            for (int i = 0; i < b.length(); i++) {
                int w = b.code()[i];
                if (typed(w & 0xFF) && !(i == b.length() - 1 && b.exits())) {
                    typed |= 1 << (((w >>> 8) & 63) & 31);
                }
            }
        }
        for (int r = 1; r < 32; r++) {
            keep[r] &= (typed & 1 << r) != 0;
        }
        // not an innermost loop's counter (C2 turns a loop with an int counter into a counted loop, unrolled with
        // pre- and post-loops: work-list-rv64's hash loop -18%): unless -Drewind.jit.narrowCounters=true
        if (!COUNTERS) {
            for (int k = 0; k < blocks.size(); k++) {
                BlockSpec b = blocks.get(k);
                int w = b.code()[b.length() - 1];
                int op = w & 0xFF;
                if (inner[k] != Integer.MAX_VALUE && !b.exits() && op >= Op.BEQ && op <= Op.BGEU) {
                    for (int r : new int[] {(w >>> 16) & 31, (w >>> 24) & 31}) {
                        if (r != 0 && keep[r] && NarrowUse.counter(blocks, inner, r)) {
                            keep[r] = false;
                        }
                    }
                }
            }
        }
        for (int r = 1; r < 32; r++) {
            keep[r] &= (wide & 1 << r) == 0;        // and those that depend on them (below)
        }
        if (consumers) {
            NarrowUse.dropLongUsed(blocks, inner, keep);
        }
        changed = true;
        while (changed) {
            changed = false;
            for (BlockSpec b : blocks) {
                for (int i = 0; i < b.length(); i++) {
                    int rd = (b.code()[i] >>> 8) & 63;
                    if (rd > 0 && rd < 32 && keep[rd] && !narrowDef(b, i, keep)) {
                        keep[rd] = false;
                        changed = true;
                    }
                }
            }
        }
        n = keep;
        if (DUMP) {
            StringBuilder sb = new StringBuilder("NARROW " + Long.toHexString(blocks.get(0).pc()) + " blocks "
                    + blocks.size());
            for (int r = 1; r < 32; r++) {
                sb.append(n[r] ? " x" + r : "");
            }
            System.err.println(sb);
        }
        return n;
    }

    /** Whether op's result is a 32-bit value by its type: a W op, a sub-word load, a comparison. */
    private static boolean typed(int op) {
        return wOp(op) || switch (op) {
            case Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW, Op.LB, Op.LH, Op.LW, Op.LBU, Op.LHU, Op.SLT, Op.SLTU, Op.SLTI,
                    Op.SLTIU -> true;
            default -> false;
        };
    }

    /** Whether op reads its register operands' low words only (a W op). */
    private static boolean wOp(int op) {
        return switch (op) {
            case Op.ADDIW, Op.SLLIW, Op.SRLIW, Op.SRAIW, Op.ADDW, Op.SUBW, Op.SLLW, Op.SRLW, Op.SRAW, Op.MULW -> true;
            default -> false;
        };
    }

    /** Whether instruction i of block b writes a narrow value only when its register operands are narrow. */
    private static boolean dependent(BlockSpec b, int i) {
        int w = b.code()[i];
        return switch (w & 0xFF) {
            case Op.ADDI, Op.XORI, Op.ORI, Op.ANDI, Op.XOR, Op.OR, Op.AND, Op.SRAI, Op.SRA, Op.SRLI ->
                    !(i == b.length() - 1 && b.exits());
            default -> false;
        };
    }

    /** Whether n holds register r's value as an int (x0 counts: it reads as 0). */
    static boolean in(boolean[] n, int r) {
        return r == 0 || r < 32 && n[r];
    }

    private static boolean fits(long v) {
        return v == (int) v;
    }

    /**
     * Whether instruction i of block b writes a sign-extended 32-bit value (the interpreter's expression for its op,
     * BlockExec), given that the registers of n hold such values.
     */
    static boolean narrowDef(BlockSpec b, int i, boolean[] n) {
        int w = b.code()[i];
        int op = w & 0xFF;
        int r1 = (w >>> 16) & 63;
        int r2 = (w >>> 24) & 63;
        long imm = b.imm()[i];
        if (i == b.length() - 1) {
            if (b.exits()) {
                return false;                       // written by the interpreter (rare): any value
            }
            if (op == Op.JAL || op == Op.JALR) {
                return fits(b.link());
            }
        }
        return switch (op) {
            case Op.ADDIW, Op.SLLIW, Op.SRLIW, Op.SRAIW, Op.ADDW, Op.SUBW, Op.SLLW, Op.SRLW, Op.SRAW, Op.MULW,
                    Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW -> true;
            case Op.LB, Op.LH, Op.LW, Op.LBU, Op.LHU -> true;
            case Op.SLT, Op.SLTU, Op.SLTI, Op.SLTIU -> true;
            case Op.LUI, Op.AUIPC -> fits(imm);
            case Op.ADDI -> r1 == 0 ? fits(imm) : imm == 0 && in(n, r1);
            case Op.XORI, Op.ORI -> fits(imm) && in(n, r1);
            case Op.ANDI -> imm >= 0 && fits(imm) || fits(imm) && in(n, r1);
            case Op.XOR, Op.OR, Op.AND -> in(n, r1) && in(n, r2);
            case Op.SRAI, Op.SRA -> in(n, r1);
            case Op.SRLI -> imm >= 33 || imm == 0 && in(n, r1);
            default -> false;
        };
    }
}
