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
                    boolean load = op >= Op.LB && op <= Op.LWU || op >= Op.LR_W && op <= Op.AMOMAXU_D;
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
}
