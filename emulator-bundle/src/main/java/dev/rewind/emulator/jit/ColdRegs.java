package dev.rewind.emulator.jit;

import java.util.List;
import java.util.Map;

/**
 * Cold registers: in a region with innermost loops ({@link PageCache#cycles}), the guest registers that no block of
 * those loops reads or writes live in the hart's array instead of locals ({@link Gen#loadReg} reads {@code x[r]},
 * {@link Gen#storeReg} writes it through). They are not loaded at entry nor written back at exits, and they take no
 * machine register across the inner loops, where C2 otherwise keeps every register the region writes live for the
 * exits (spills in the inner loop). Regions with plugin probes have none (callbacks read the hart's registers only
 * after a flush). {@code -Drewind.jit.coldRegs=false}: none (A/B).
 */
final class ColdRegs {
    private ColdRegs() {
    }

    static final boolean ON = !"false".equals(System.getProperty("rewind.jit.coldRegs"));

    /** Per register 0..31: cold in this region. */
    static boolean[] of(List<BlockSpec> blocks, Map<Long, Integer> index) {
        boolean[] cold = new boolean[33];
        if (!ON) {
            return cold;
        }
        for (BlockSpec b : blocks) {
            if (b.probes() != null) {
                return cold;
            }
        }
        int[] inner = PageCache.cycles(blocks, index);
        boolean[] hot = new boolean[32];
        boolean[] used = new boolean[32];
        boolean loops = false;
        for (int k = 0; k < blocks.size(); k++) {
            boolean in = inner[k] != Integer.MAX_VALUE;
            loops |= in;
            for (int w : blocks.get(k).code()) {
                int rd = (w >>> 8) & 63;
                int r1 = (w >>> 16) & 31;
                int r2 = (w >>> 24) & 31;
                for (int r : new int[] {rd < 32 ? rd : 0, r1, r2}) {
                    used[r] = true;
                    hot[r] |= in;
                }
            }
        }
        if (!loops) {
            return cold;
        }
        for (int r = 1; r < 32; r++) {
            cold[r] = used[r] && !hot[r];
        }
        return cold;
    }
}
