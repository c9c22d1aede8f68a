package dev.rewind.emulator.jit;

import dev.rewind.emulator.isa.Op;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;

/**
 * Where a region checks its budget ({@link BlockEmit}). Per block (multi-hart machines): every block starts with "does
 * this block fit?". Sparse (one-hart machines): only at checkpoints, the targets of the region's back edges (so every
 * loop has one), blocks where the instructions since the last check would exceed {@link #SPAN}, and at every entry
 * from outside (the slice loop, indirect jumps), each asking for the most instructions any path runs from there to the
 * next checkpoint or exit. Either way the region runs only whole blocks that fit, and leaves before a block with pc
 * at that block; sparse checks leave earlier (up to a span before the budget's end), and the slice loop runs the rest
 * block by block in the interpreter: the slice ends at the same instruction.
 */
final class BudgetPlan {
    /** The most instructions between two checks on a path (sparse; {@code -Drewind.jit.checkSpan}, experiments). */
    static final int SPAN = Math.max(1, Integer.getInteger("rewind.jit.checkSpan", 32));

    /**
     * Which regions of a sparse machine take sparse checks: by default those of short blocks ({@link #SHORT}; session 7,
     * same classes, default vs sparse, 3 alternating rounds, load 3.4-4.9: work-fsm-rv32 +15%, work-mem-rv64 +8%,
     * work-mem-rv32 +4%, work-crc-rv32 +9%, bench +2..+3%, the rest within +-2%). {@code -Drewind.jit.sparseRule=calls}
     * adds regions with an indirect jump ({@link #pays}: work-calls +7..+14% but bench -3..-7%, session 6), {@code
     * all} every region (experiments).
     */
    static final java.util.function.Predicate<List<BlockSpec>> RULE = switch (System.getProperty("rewind.jit.sparseRule",
            "short")) {
        case "all" -> b -> true;
        case "calls" -> b -> pays(b, BudgetPlan.SHORT);
        default -> b -> shortBlocks(b, BudgetPlan.SHORT);
    };

    /** Mean block length (instructions) up to which a region takes sparse checks ({@code -Drewind.jit.sparseMean}). */
    static final double SHORT = Double.parseDouble(System.getProperty("rewind.jit.sparseMean", "3.5"));

    /**
     * Whether sparse checks pay in this region by the {@code calls} rule: it has an indirect jump (JALR), or short
     * blocks ({@link #shortBlocks}).
     */
    static boolean pays(List<BlockSpec> blocks, double mean) {
        for (BlockSpec b : blocks) {
            if (!b.exits() && (b.code()[b.length() - 1] & 0xFF) == Op.JALR) {
                return true;
            }
        }
        return shortBlocks(blocks, mean);
    }

    /** Whether the region's blocks have {@code mean} instructions or fewer on average (branchy code, byte loops). */
    static boolean shortBlocks(List<BlockSpec> blocks, double mean) {
        long insns = 0;
        for (BlockSpec b : blocks) {
            insns += b.length();
        }
        return insns <= mean * blocks.size();
    }

    /**
     * The entry gate (sparse plans): one check before each dispatch from outside (the entry switch, after an indirect
     * jump) asking for the most any of its targets' entries asks for ({@link #gate}), instead of an entry stub with a
     * check of its own before every block without a check at its label (~19 bytecode bytes each: ~680 of k-state's
     * 36-block region); the dispatch then jumps to the blocks' labels. A budget that fits the target's entry but not
     * the gate leaves with pc at the target (nothing run from there; the slice loop goes on block by block), as a
     * stub's check does. {@code -Drewind.jit.gate=false}: the stubs, as before (A/B).
     */
    static final boolean GATE = !"false".equals(System.getProperty("rewind.jit.gate"));

    /** Whether the region is at the short-block limit (see {@link #WIDE_SPARSE}). */
    final boolean wide;

    /** Whether dispatches check the budget once ({@link #GATE}) and jump to labels; else {@link #entry} has stubs. */
    final boolean gated;

    /** Instructions the check at block k's label asks for; 0: no check there (reached only from checked blocks). */
    final int[] check;
    /** Instructions the check on entry to block k from outside asks for (entry switch, indirect jumps). */
    final int[] enter;
    /** Where entries from outside jump to: the label of a checking block, else a check of its own before it. */
    final Label[] entry;

    private final List<BlockSpec> blocks;
    private final Map<Long, Integer> index = new HashMap<>();
    private final boolean[] point;
    private final int[] dist;
    private final boolean[] done;
    /** Per block: its successors through direct jumps ({@link Loops#graph}); set on the sparse path only. */
    private int[][] succ;

    BudgetPlan(List<BlockSpec> blocks, Label[] labels, boolean sparse) {
        this(blocks, labels, sparse, false);
    }

    /**
     * Whether gated sparse checks ({@link #GATE}) also go to a region at the short-block limit whatever its blocks'
     * mean length ({@code wide}: translated without loop-entry copies, {@code RegionCut.loopCopies}; CoreMark's state
     * regions, 3.8 instructions per block, had a check of 19 bytecode bytes at every block's label). Such regions are
     * formed whole or cut at that limit only, after the default limit's cut (which keeps per-block checks: its prefix
     * and so the warm sample that widens the region stay as they were). None of the project guests has one.
     * {@code -Drewind.jit.wideSparse=false}: per-block checks there (A/B).
     */
    static final boolean WIDE_SPARSE = !"false".equals(System.getProperty("rewind.jit.wideSparse"));

    /** As {@link #BudgetPlan(List, Label[], boolean)}; {@code wide}: a region at the short-block limit. */
    BudgetPlan(List<BlockSpec> blocks, Label[] labels, boolean sparse, boolean wide) {
        int n = blocks.size();
        this.wide = wide;
        this.blocks = blocks;
        this.check = new int[n];
        this.enter = new int[n];
        this.entry = new Label[n];
        this.point = new boolean[n];
        this.dist = new int[n];
        this.done = new boolean[n];
        for (int k = 0; k < n; k++) {
            index.put(blocks.get(k).pc(), k);
        }
        if (!sparse || !RULE.test(blocks) && !(wide && GATE && WIDE_SPARSE)) {
            gated = false;
            for (int k = 0; k < n; k++) {
                check[k] = blocks.get(k).length();
                enter[k] = check[k];
                entry[k] = labels[k];
            }
            return;
        }
        succ = Loops.graph(blocks, index, true);
        for (int[] e : Loops.backEdges(succ)) {
            point[e[1]] = true; // every loop has a checkpoint
        }
        for (int k = 0; k < n; k++) {
            distance(k);
        }
        // (a one-block region has no entry switch, so no gate: its block keeps its entry check)
        gated = GATE && n > 1;
        for (int k = 0; k < n; k++) {
            enter[k] = dist[k];
            check[k] = point[k] ? dist[k] : 0;
            entry[k] = point[k] || gated ? labels[k] : new Label();
        }
    }

    /**
     * The instructions a gate before a dispatch to blocks {@code ks} asks for: the most of their entries' without a
     * check at their label (0: every target checks there, or the plan is not {@link #gated}: no gate).
     */
    int gate(int[] ks) {
        int most = 0;
        if (gated) {
            for (int k : ks) {
                if (check[k] == 0) {
                    most = Math.max(most, enter[k]);
                }
            }
        }
        return most;
    }

    /**
     * The most instructions a path from the start of block k runs before it reaches a checkpoint (k excluded) or
     * leaves; a successor that would make it exceed {@link #SPAN} becomes a checkpoint. Without back edges' targets
     * the region's jumps form no cycle, so the recursion ends.
     */
    private int distance(int k) {
        if (done[k]) {
            return dist[k];
        }
        done[k] = true;
        int n = blocks.get(k).length();
        int most = 0;
        int[] next = succ[k];
        for (int s : next) {
            if (!point[s]) {
                most = Math.max(most, distance(s));
            }
        }
        if (n + most > SPAN) {
            most = 0;
            for (int s : next) {
                point[s] = true;
            }
        }
        dist[k] = n + most;
        return dist[k];
    }
}
