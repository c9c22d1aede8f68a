package dev.rewind.emulator.jit;

import dev.rewind.emulator.isa.Op;
import java.util.List;
import java.util.Map;

/** Where a region's {@link Narrow} registers' entry values may be read, and what each entry checks. */
final class NarrowLive {
    private NarrowLive() {
    }

    /**
     * Per block: the narrow registers (bit r) whose value at the block's start may reach a read of the region (any
     * register field of an instruction counts as read; exits do not: they write back what the flags allow). A block
     * ending in an indirect jump may continue at any block ({@link Dispatch}).
     */
    static int[] liveIn(List<BlockSpec> blocks, Map<Long, Integer> index, boolean[] narrow) {
        return liveIn(blocks, index, narrow, null);
    }

    /**
     * The entry checks of each block: {@link #liveIn}, and for a block of an innermost loop (a group of blocks on
     * innermost cycles, {@code inner}, joined by edges) the narrow registers any block of that loop uses, so that their
     * flags are constant 0 in the loop when it is entered from outside the region.
     */
    static int[] checks(List<BlockSpec> blocks, Map<Long, Integer> index, boolean[] narrow, int[] inner) {
        return liveIn(blocks, index, narrow, inner);
    }

    private static int[] liveIn(List<BlockSpec> blocks, Map<Long, Integer> index, boolean[] narrow, int[] inner) {
        int nb = blocks.size();
        int mask = 0;
        for (int r = 1; r < 32; r++) {
            mask |= narrow[r] ? 1 << r : 0;
        }
        int[] use = new int[nb];
        int[] def = new int[nb];
        int[][] succ = new int[nb][];
        for (int k = 0; k < nb; k++) {
            BlockSpec b = blocks.get(k);
            int u = 0;
            int d = 0;
            for (int w : b.code()) {
                u |= ((1 << ((w >>> 16) & 31)) | (1 << ((w >>> 24) & 31))) & ~d;
                int rd = (w >>> 8) & 63;
                if (rd > 0 && rd < 32) {
                    d |= 1 << rd;
                }
            }
            use[k] = u & mask;
            def[k] = d;
            int last = b.code()[b.length() - 1];
            if (!b.exits() && (last & 0xFF) == Op.JALR) {
                succ[k] = new int[nb];
                for (int s = 0; s < nb; s++) {
                    succ[k][s] = s;
                }
            } else {
                succ[k] = Loops.successors(b, index);
            }
        }
        int[] in = use.clone();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = nb - 1; k >= 0; k--) {
                int out = 0;
                for (int s : succ[k]) {
                    out |= in[s];
                }
                int v = use[k] | out & ~def[k];
                if (v != in[k]) {
                    in[k] = v;
                    changed = true;
                }
            }
        }
        if (inner != null && NarrowSelect.GROUP) {
            int[] root = new int[nb];
            for (int k = 0; k < nb; k++) {
                root[k] = k;
            }
            for (int k = 0; k < nb; k++) {
                for (int t : Loops.successors(blocks.get(k), index)) {
                    if (inner[k] != Integer.MAX_VALUE && inner[t] != Integer.MAX_VALUE) {
                        root[find(root, t)] = find(root, k);
                    }
                }
            }
            int[] used = new int[nb];
            for (int k = 0; k < nb; k++) {
                if (inner[k] != Integer.MAX_VALUE) {
                    int u = 0;
                    for (int w : blocks.get(k).code()) {
                        u |= 1 << (((w >>> 8) & 63) & 31) | 1 << ((w >>> 16) & 31) | 1 << ((w >>> 24) & 31);
                    }
                    used[find(root, k)] |= u & mask;
                }
            }
            for (int k = 0; k < nb; k++) {
                if (inner[k] != Integer.MAX_VALUE) {
                    in[k] |= used[find(root, k)];
                }
            }
        }
        return in;
    }

    private static int find(int[] root, int k) {
        while (root[k] != k) {
            k = root[k] = root[root[k]];
        }
        return k;
    }
}
