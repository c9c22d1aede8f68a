package dev.rewind.emulator.jit;

import dev.rewind.emulator.isa.Op;
import java.util.List;

/**
 * How the innermost loops of a region read its {@link Narrow} candidates: in int form (a W op, a comparison or bitwise
 * op whose operands are all int, a branch between ints, a stored value) or in long form (an I2L each: 64-bit
 * arithmetic, addresses, shifts): unless {@code -Drewind.jit.narrowConsumers=false}, a register read more often in long
 * form than in int form stays long. And which registers are the loops' pure counters (never narrow).
 */
final class NarrowUse {
    private NarrowUse() {
    }

    /** Clears {@code keep[r]} for every register the innermost loops ({@code inner}) read more in long form. */
    static void dropLongUsed(List<BlockSpec> blocks, int[] inner, boolean[] keep) {
        int[] ints = new int[32];
        int[] longs = new int[32];
        for (int k = 0; k < blocks.size(); k++) {
            if (inner[k] == Integer.MAX_VALUE) {
                continue;
            }
            for (int w : blocks.get(k).code()) {
                int op = w & 0xFF;
                int r1 = (w >>> 16) & 31;
                int r2 = (w >>> 24) & 31;
                boolean both = NarrowSelect.in(keep, r1) && NarrowSelect.in(keep, r2);
                count(intForm(op, both, true), r1, ints, longs);
                count(intForm(op, both, false), r2, ints, longs);
            }
        }
        for (int r = 1; r < 32; r++) {
            if (keep[r] && longs[r] > ints[r]) {
                keep[r] = false;
            }
        }
    }

    private static void count(boolean asInt, int r, int[] ints, int[] longs) {
        if (r != 0) {
            (asInt ? ints : longs)[r]++;
        }
    }

    /** Whether op reads its first ({@code first}) or second register operand in int form. */
    private static boolean intForm(int op, boolean both, boolean first) {
        return switch (op) {
            case Op.ADDIW, Op.SLLIW, Op.SRLIW, Op.SRAIW, Op.ADDW, Op.SUBW, Op.SLLW, Op.SRLW, Op.SRAW, Op.MULW,
                    Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW -> true;
            case Op.BEQ, Op.BNE, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU, Op.XOR, Op.OR, Op.AND, Op.SLT, Op.SLTU, Op.XORI,
                    Op.ORI, Op.ANDI, Op.SLTI, Op.SLTIU -> both;
            case Op.SB, Op.SH, Op.SW -> !first;      // the stored value (the address is a long)
            default -> false;
        };
    }

    /**
     * Whether register r is a pure counter of the innermost loops ({@code inner}): they write it only by adding a
     * constant to it (ADDIW r, r, at least once) or masking it (ANDI r, r: CoreMark's crcu32 counts down in a byte,
     * {@code addiw a5,a5,-1; zext.b a5,a5}: k-crc-rv64 -18% with it narrow) and read it only there and in branches.
     */
    static boolean counter(List<BlockSpec> blocks, int[] inner, int r) {
        boolean added = false;
        for (int k = 0; k < blocks.size(); k++) {
            if (inner[k] == Integer.MAX_VALUE) {
                continue;
            }
            for (int w : blocks.get(k).code()) {
                int op = w & 0xFF;
                boolean add = (op == Op.ADDIW || NarrowSelect.MASKED && op == Op.ANDI) && ((w >>> 8) & 63) == r
                        && ((w >>> 16) & 63) == r;
                boolean branch = op >= Op.BEQ && op <= Op.BGEU;
                if (((w >>> 8) & 63) == r && !add) {
                    return false;
                }
                if (!add && !branch && (((w >>> 16) & 31) == r || ((w >>> 24) & 31) == r)) {
                    return false;
                }
                added |= add;
            }
        }
        return added;
    }
}
