package dev.rewind.emulator.cpu;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which blocks a region takes ({@link JitControl#region}): the blocks already decoded reachable from its head by direct
 * jumps and calls, breadth-first, under the limits on blocks, instructions and copies; and the hot exits a region
 * formed again takes ({@link ExitHeat}). One formation, one object.
 */
final class RegionForm {
    private final CodeCache code;
    private final int maxBlocks;
    private final int maxInsns;
    private final Set<Long> drop;
    /** The head's hot exits, most frequent first ({@link ExitHeat#hot}). */
    private final Set<Long> hot;
    /** Blocks taken as (or reached from) hot exits: copies of them count against {@link ExitHeat#HOT_COPIED}. */
    final Set<Long> fromHot = new HashSet<>();
    final List<Block> out = new ArrayList<>();
    private final Set<Long> seen = new HashSet<>();
    private int insns;
    private int copied;
    private int hotCopied;

    RegionForm(CodeCache code, int maxBlocks, int maxInsns, Set<Long> drop, Set<Long> hot) {
        this.code = code;
        this.maxBlocks = maxBlocks;
        this.maxInsns = maxInsns;
        this.drop = drop;
        this.hot = hot;
    }

    /**
     * The region headed by {@code head}, breadth-first: every successor the limits allow; hot exits, and copies reached
     * from them, against {@link ExitHeat#HOT_COPIED} instead of {@link JitControl#MAX_COPIED}.
     */
    List<Block> collect(Block head) {
        add(head, false);
        for (int q = 0; q < out.size(); q++) {
            Block b = out.get(q);
            boolean inHot = fromHot.contains(b.pc);
            for (long t : successors(b)) {
                take(t, inHot || hot.contains(t));
            }
        }
        return out;
    }

    /**
     * A region formed again: its former blocks ({@code seed}, head first) in their order; then the paths back into
     * the region from the exits {@code warm} (most frequent first: {@link #warm}; with any, the seed's copies may form
     * loops, {@link RegionLoops}: the region is formed to hold a loop that spans functions); then the blocks of
     * {@code rest} not taken yet; then each hot exit reached from them, most frequent first, followed depth-first by
     * the blocks reached from it (a callee's path before the next exit's): what was cold stays out, and the cut
     * ({@link RegionCut}, a prefix) drops the least hot first. Without warm exits and rest (both empty): the former
     * blocks and the hot exits only.
     */
    List<Block> grow(Block head, Block[] seed, List<Long> warm, Block[] rest) {
        add(head, false);
        for (Block s : seed) {
            if (s.valid && !seen.contains(s.pc) && !drop.contains(s.pc) && code.lookup(s.pc) == s) {
                add(s, false);
                if (!warm.isEmpty()) {
                    fromHot.add(s.pc);
                }
            }
        }
        warm(warm);
        for (Block s : rest) {
            if (s.valid && !seen.contains(s.pc) && !drop.contains(s.pc) && code.lookup(s.pc) == s
                    && out.size() < maxBlocks && insns + s.n <= maxInsns) {
                add(s, false);
                fromHot.add(s.pc);
            }
        }
        for (long h : hot) {
            if (seen.contains(h) || !reached(h)) {
                continue;
            }
            Deque<Long> stack = new ArrayDeque<>();
            stack.push(h);
            while (!stack.isEmpty()) {
                long t = stack.pop();
                Block b = take(t, true);
                if (b != null) {
                    long[] su = successors(b);
                    for (int k = su.length - 1; k >= 0; k--) {
                        stack.push(su[k]);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Exits a region formed again with the short-block limit left to at least once per this many instructions of its
     * sample ({@code -Drewind.jit.warmRun}; 0: none): it takes the blocks on paths from them back into it. 4096 rather
     * than 1024 (two 3-round A/Bs, reversed roles, load 1.6-4.1): CoreMark-25k +2..+4% (RV32), +6..+7% (RV64), k-state
     * within +-3%; 256 (with 128 instructions in all): k-state -13..-16% (cold paths fill the region, the cut drops hot
     * ones).
     */
    static final int WARM_RUN = Integer.getInteger("rewind.jit.warmRun", 4096);
    /** Instructions a path back from a warm exit may have ({@code -Drewind.jit.warmPath}). */
    static final int WARM_PATH = Integer.getInteger("rewind.jit.warmPath", 24);
    /** Instructions all warm exits' paths may add ({@code -Drewind.jit.warmTotal}). */
    static final int WARM_TOTAL = Integer.getInteger("rewind.jit.warmTotal", 96);

    /**
     * For each exit in {@code warm} (most frequent first): the blocks on paths of at most {@link #WARM_PATH}
     * instructions from it back to a block taken, copies included, while they add at most {@link #WARM_TOTAL}: a
     * region that left to a loop's blocks in another region (a callee's) and came back keeps the loop instead.
     */
    private void warm(List<Long> warm) {
        int added = 0;
        for (long w : warm) {
            if (seen.contains(w)) {
                continue;
            }
            Set<Long> keep = new LinkedHashSet<>();
            back(w, WARM_PATH, new HashSet<>(), keep, new HashMap<>());
            List<Long> order = new ArrayList<>(keep);
            Collections.reverse(order);
            int n = 0;
            for (long t : order) {
                n += code.lookup(t).n;
            }
            if (keep.isEmpty() || added + n > WARM_TOTAL || out.size() + keep.size() > maxBlocks
                    || insns + n > maxInsns) {
                continue;
            }
            added += n;
            for (long t : order) {
                Block b = code.lookup(t);
                seen.add(t);
                out.add(b);
                insns += b.n;
                fromHot.add(t);
            }
        }
    }

    /**
     * Whether a path of at most {@code left} instructions leads from t to a block taken (or kept); adds the blocks of
     * such paths to {@code keep}, t before the blocks after it. {@code failed}: the most instructions left with which
     * a block was found to lead back nowhere.
     */
    private boolean back(long t, int left, Set<Long> path, Set<Long> keep, Map<Long, Integer> failed) {
        if (seen.contains(t) || keep.contains(t)) {
            return true;
        }
        if (path.contains(t) || failed.getOrDefault(t, -1) >= left || drop.contains(t)) {
            return false;
        }
        Block s = code.lookup(t);
        if (s == null || !s.valid || !s.translatable() || s.n > left || s.probes != null) {
            return false;
        }
        path.add(t);
        boolean any = false;
        for (long u : successors(s)) {
            any |= back(u, left - s.n, path, keep, failed);
        }
        path.remove(t);
        if (any) {
            keep.add(t);
        } else {
            failed.put(t, left);
        }
        return any;
    }

    /** Whether a block taken so far jumps or calls to pc. */
    private boolean reached(long pc) {
        for (Block b : out) {
            for (long t : successors(b)) {
                if (t == pc) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Takes the block at t when the limits allow (warm: a hot exit or reached from one); returns it, else null. */
    private Block take(long t, boolean warm) {
        if (out.size() >= maxBlocks || seen.contains(t) || drop.contains(t)) {
            return null;
        }
        Block s = code.lookup(t);
        if (s == null || !s.valid || !s.translatable() || insns + s.n > maxInsns) {
            return null;
        }
        boolean copy = JitControl.copied(s);
        // (no copies of blocks with plugin probes: measured, they made per-instruction callbacks and inline
        // counters cost more, 2.4x and 1.13x of no plugin instead of 1.45x and 1.0x, with none of the gain)
        if (copy && (s.probes != null
                || (warm ? hotCopied + s.n > ExitHeat.HOT_COPIED : copied + s.n > JitControl.MAX_COPIED))) {
            return null;
        }
        add(s, warm, copy);
        return s;
    }

    private void add(Block s, boolean warm) {
        add(s, warm, JitControl.copied(s));
    }

    private void add(Block s, boolean warm, boolean copy) {
        if (warm) {
            hotCopied += copy ? s.n : 0;
            fromHot.add(s.pc);
        } else {
            copied += copy ? s.n : 0;
        }
        seen.add(s.pc);
        out.add(s);
        insns += s.n;
    }

    /** {@link JitControl#successors(Block)}, and the hot exits as callees when b ends in an indirect call. */
    private long[] successors(Block b) {
        long[] s = JitControl.successors(b);
        if (hot.isEmpty() || !b.indirectCall()) {
            return s;
        }
        long[] out = Arrays.copyOf(s, s.length + hot.size());
        int k = s.length;
        for (long t : hot) {
            out[k++] = t;
        }
        return out;
    }
}
