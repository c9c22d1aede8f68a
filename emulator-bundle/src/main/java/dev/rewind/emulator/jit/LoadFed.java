package dev.rewind.emulator.jit;

import dev.rewind.emulator.isa.Op;
import java.util.List;

/**
 * Registers whose value may come from memory in a region (flow-insensitive): written by a load or an atomic, or
 * computed from such a register. An access through one chases pointers or looks up tables at loaded indexes, so
 * a page cache there mostly misses ({@link PageCache}: work-list lost 18-21% with caches on its pointer chasing).
 */
final class LoadFed {
    private LoadFed() {
    }

    /** Bit r set: register r may hold a value from memory somewhere in the region. */
    static long of(List<BlockSpec> blocks) {
        long fed = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (BlockSpec b : blocks) {
                for (int w : b.code()) {
                    int op = w & 0xFF;
                    int rd = (w >>> 8) & 63;
                    if (rd == 0 || rd >= 32 || (fed & (1L << rd)) != 0) {
                        continue;
                    }
                    int r1 = (w >>> 16) & 63;
                    int r2 = (w >>> 24) & 63;
                    boolean load = fromMemory(op);
                    boolean store = op >= Op.SB && op <= Op.SD;
                    if (!store && (load || (fed & (1L << r1)) != 0 || (fed & (1L << r2)) != 0)) {
                        fed |= 1L << rd;
                        changed = true;
                    }
                }
            }
        }
        return fed;
    }

    /** -Drewind.jit.tableCaches=false: every access through a register fed anywhere in the region chases (A/B). */
    static final boolean TABLES = !"false".equals(System.getProperty("rewind.jit.tableCaches"));

    /** Exclusive bound of a table index: a base register plus a smaller value stays within two pages. */
    static final int NEAR = 4096;

    /**
     * Per instruction of {@code b}: whether its rs1 may hold a value from memory there. {@code fed} (the region's, from
     * {@link #of}) holds at the block's entry and is refined along the block: a register the block computes from
     * registers not fed holds none (fsm's {@code add s6,t4,a2; lbu s6,0(s6)}: text[i], though s6 is loaded later), and
     * neither does a table's address: a register not fed plus a table index, i.e. a loaded byte (LBU) or a value
     * masked (ANDI) or shifted (SLLI) below {@link #NEAR} (fsm's cls[ch], crc's table[(crc ^ b) & 255]). An index
     * stays fed for everything else it feeds.
     */
    static boolean[] fedBases(BlockSpec b, long fed) {
        int[] code = b.code();
        boolean[] out = new boolean[code.length];
        if (!TABLES) {
            for (int i = 0; i < code.length; i++) {
                out[i] = (fed & (1L << ((code[i] >>> 16) & 63))) != 0;
            }
            return out;
        }
        int[] bound = new int[33]; // > 0: the register holds a table index below it
        long f = fed;
        for (int i = 0; i < code.length; i++) {
            int w = code[i];
            int op = w & 0xFF;
            int rd = (w >>> 8) & 63;
            int r1 = (w >>> 16) & 63;
            int r2 = (w >>> 24) & 63;
            out[i] = (f & (1L << r1)) != 0;
            if (rd == 0 || rd >= 32 || op >= Op.SB && op <= Op.SD) {
                continue;
            }
            boolean fed1 = (f & (1L << r1)) != 0;
            boolean fed2 = (f & (1L << r2)) != 0;
            int bnd = 0;
            boolean now;
            if (op == Op.LBU) {
                now = true;
                bnd = 256;
            } else if (fromMemory(op)) {
                now = true;
            } else if (op == Op.ADD || op == Op.ADDW) {
                now = fed1 && index(bound, r1) == 0 || fed2 && index(bound, r2) == 0;
            } else if (op == Op.ANDI && b.imm()[i] >= 0 && b.imm()[i] < NEAR) {
                now = fed1;
                bnd = (int) b.imm()[i] + 1;
            } else if ((op == Op.SLLI || op == Op.SLLIW) && index(bound, r1) > 0 && b.imm()[i] >= 0
                    && b.imm()[i] < 12 && (long) (index(bound, r1) - 1) << b.imm()[i] < NEAR) {
                now = fed1;
                bnd = ((index(bound, r1) - 1) << b.imm()[i]) + 1;
            } else {
                now = fed1 || fed2;
            }
            f = now ? f | 1L << rd : f & ~(1L << rd);
            bound[rd] = bnd;
        }
        return out;
    }

    /** A load or an atomic (LR, SC, AMOs): rd gets a value from memory. */
    private static boolean fromMemory(int op) {
        return op >= Op.LB && op <= Op.LWU || op >= Op.LR_W && op <= Op.AMOMAXU_D;
    }

    private static int index(int[] bound, int r) {
        return r < bound.length ? bound[r] : 0;
    }
}
