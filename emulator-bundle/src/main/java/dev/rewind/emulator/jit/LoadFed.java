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

    /**
     * -Drewind.jit.loopFed=false: a cached block's bases are fed when loaded anywhere in the region ({@link #of}), not
     * only in its innermost loop ({@link #inLoop}).
     */
    static final boolean LOOP = !"false".equals(System.getProperty("rewind.jit.loopFed"));

    /**
     * Whether blocks whose cached accesses (of a kind) are all bytes take {@link #inLoop} too
     * (-Drewind.jit.loopFedBytes=true); by default they keep the region's rule ({@link #of}): with it, CoreMark's state
     * kernel (byte loops over a string whose pointer is loaded before them) lost 9.8% on RV64 (3 rounds, load 11-12).
     */
    static final boolean BYTES = Boolean.getBoolean("rewind.jit.loopFedBytes");

    /**
     * Per block on an innermost cycle ({@code cycle[k]} finite, {@link PageCache#cycles}): the registers that may hold
     * a value loaded in that loop, i.e. {@link #of} over the blocks on a shortest cycle through k; other blocks (and all
     * with {@link #LOOP} off) get the region's {@link #of}. A value loaded before the loop is the same in every round
     * (a base, or a counter's start): an access through it plus induction variables walks memory as an array does,
     * and caches hit. Pointer chasing loads its next base inside the loop. CoreMark-rv64's matmul computes its bases
     * from counters each round, but one counter is copied from {@code a5} in the outer loop ({@code mv t5,a5} after
     * {@code addw a5,t5,1}), and {@code a5} is a load's destination in the inner one: with {@link #of} its loads took
     * tag checks instead of page caches.
     */
    static long[] inLoop(List<BlockSpec> blocks, java.util.Map<Long, Integer> index, int[] cycle) {
        int nb = blocks.size();
        long[] fed = new long[nb];
        long all = of(blocks);
        java.util.Arrays.fill(fed, all);
        if (!LOOP) {
            return fed;
        }
        int[] length = new int[nb];
        for (int k = 0; k < nb; k++) {
            length[k] = blocks.get(k).length();
        }
        int[][] dist = null;
        for (int k = 0; k < nb; k++) {
            if (cycle[k] == Integer.MAX_VALUE) {
                continue;
            }
            if (dist == null) {
                dist = Loops.paths(Loops.graph(blocks, index, true), length)[0];
            }
            java.util.List<BlockSpec> loop = new java.util.ArrayList<>();
            for (int u = 0; u < nb; u++) {
                if (u == k || dist[k][u] != Integer.MAX_VALUE && dist[u][k] != Integer.MAX_VALUE
                        && (long) dist[k][u] + dist[u][k] == dist[k][k]) {
                    loop.add(blocks.get(u));
                }
            }
            fed[k] = of(loop);
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
