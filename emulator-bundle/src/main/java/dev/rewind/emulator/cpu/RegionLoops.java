package dev.rewind.emulator.cpu;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which copies a region should not take ({@link JitControl}): copied blocks that form loops of their own, i.e. lie in
 * a cycle of the region's direct jumps none of whose blocks is the region's own. Such a loop already runs whole in
 * the region it belongs to; a copy saves only the exit and entry around the loop, and measured it moved hot loops out
 * of code C2 had compiled into a new, larger region that ran in C1's profiling code until C2 compiled that in turn
 * (work-mem: +50% CPU in the second 2e8-slot window, the same afterwards). Copies on a cycle through the region's own
 * blocks stay: they keep a loop that spans regions (a state machine's states) in one method.
 */
final class RegionLoops {
    private RegionLoops() {
    }

    /**
     * Adds to {@code drop} the pcs of the blocks of {@code region} that are copies and lie only on cycles of copies;
     * returns whether it added any.
     */
    static boolean copiedLoops(List<Block> region, Predicate<Block> copied, Set<Long> drop) {
        int n = region.size();
        Map<Long, Integer> index = new HashMap<>();
        for (int k = 0; k < n; k++) {
            index.put(region.get(k).pc, k);
        }
        BitSet[] reach = new BitSet[n];
        for (int k = 0; k < n; k++) {
            reach[k] = reachable(region, index, k);
        }
        boolean added = false;
        for (int k = 0; k < n; k++) {
            if (!copied.test(region.get(k)) || !reach[k].get(k)) {
                continue;
            }
            boolean own = false;
            for (int v = reach[k].nextSetBit(0); v >= 0 && !own; v = reach[k].nextSetBit(v + 1)) {
                own = reach[v].get(k) && !copied.test(region.get(v));
            }
            if (!own) {
                added |= drop.add(region.get(k).pc);
            }
        }
        return added;
    }

    /** Blocks reachable from block k in one or more of the region's direct jumps (k itself only through a cycle). */
    private static BitSet reachable(List<Block> region, Map<Long, Integer> index, int k) {
        BitSet seen = new BitSet(region.size());
        int[] stack = new int[region.size() * 2 + 2];
        int top = 0;
        stack[top++] = k;
        while (top > 0) {
            int u = stack[--top];
            for (long t : JitControl.successors(region.get(u))) {
                Integer v = index.get(t);
                if (v != null && !seen.get(v)) {
                    seen.set(v);
                    stack[top++] = v;
                }
            }
        }
        return seen;
    }
}
