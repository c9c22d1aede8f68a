package dev.rewind.emulator.jit;

import dev.rewind.emulator.isa.Op;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;

/**
 * How a region's entry switch ({@link Dispatch#entrySwitch}) enters its loops: through their headers only. Every block
 * is an entry, so a loop whose middle block is one had a second way in, and C2 saw an irreducible loop and did none
 * of its loop optimizations (work-mem's compare loop, two blocks: the tags' and RAM's lengths re-read and re-tested
 * and RAM's array re-decoded every iteration). Now the switch goes to the region's head, to loop headers (targets of
 * edges back to a block on a depth-first search path from the head) and to blocks in no innermost loop of the
 * region's direct jumps ({@link Loops#successors}, {@link #direct}) as before, and to a copy of every other
 * block (inside an innermost loop, not its header): the copies run the same code (same instruction indexes, budget
 * checks and exits) and continue in copies until they reach a header or leave the loop, so the loops' only entries
 * are their headers (every cycle has a header: the copies form no cycle). Regions whose copies would exceed
 * {@link #MAX_COPY} instructions, and regions with plugin probes, keep the direct entries. {@code -Drewind.jit.loopEntries=false}: no copies (A/B).
 */
final class LoopEntries {
    static final boolean ON = !"false".equals(System.getProperty("rewind.jit.loopEntries"));

    /** The most instructions of copies per region ({@code -Drewind.jit.loopEntryCopy}, experiments). */
    static final int MAX_COPY = Integer.getInteger("rewind.jit.loopEntryCopy", 48);

    /** Per block: its copy's label and the switch's target for it (the same unless the entry checks the budget). */
    private final Label[] label;
    private final Label[] entry;

    LoopEntries(Gen g, BudgetPlan plan) {
        this(g, plan, true);
    }

    /** {@code copies} false: no copies (the caller's choice, as {@code -Drewind.jit.loopEntries=false}). */
    LoopEntries(Gen g, BudgetPlan plan, boolean copies) {
        int n = g.blocks.size();
        label = new Label[n];
        entry = new Label[n];
        if (!ON || !copies) {
            return;
        }
        for (BlockSpec b : g.blocks) {
            if (b.probes() != null) {
                return;
            }
        }
        boolean[] direct = direct(g.blocks, g.index);
        int insns = 0;
        for (int k = 0; k < n; k++) {
            insns += direct[k] ? 0 : g.blocks.get(k).length();
        }
        if (insns > MAX_COPY) {
            return;
        }
        for (int k = 0; k < n; k++) {
            if (!direct[k]) {
                label[k] = new Label();
                entry[k] = plan.entry[k] == g.labels[k] ? label[k] : new Label();
            }
        }
    }

    /** Where the entry switch goes for block k. */
    Label target(int k, BudgetPlan plan) {
        return entry[k] != null ? entry[k] : plan.entry[k];
    }

    /**
     * The copies ({@link BlockEmit#block} with the copies' labels in place of the blocks' own, so their jumps go to
     * copies), after the region's blocks. No copy ends in an indirect jump (a {@link Dispatch} there would take the
     * swapped labels and entries, and go to copies): a copied block lies in a loop body, so it reaches the loop's
     * back edge through its successors, and a block ending in JALR, a call or an exit has none ({@link #direct}).
     */
    void emitCopies(Gen g, BudgetPlan plan) {
        int n = label.length;
        assert noIndirect(g) : "a copied block ends in an indirect jump";
        Label[] labels = g.labels.clone();
        Label[] entries = plan.entry.clone();
        for (int k = 0; k < n; k++) {
            if (label[k] != null) {
                g.labels[k] = label[k];
                plan.entry[k] = entry[k];
            }
        }
        for (int k = 0; k < n; k++) {
            if (label[k] != null) {
                BlockEmit.block(g, plan, k);
            }
        }
        System.arraycopy(labels, 0, g.labels, 0, n);
        System.arraycopy(entries, 0, plan.entry, 0, n);
    }

    /** Whether no block with a copy ends in an indirect jump (JALR). */
    private boolean noIndirect(Gen g) {
        for (int k = 0; k < label.length; k++) {
            BlockSpec b = g.blocks.get(k);
            if (label[k] != null && (b.code()[b.length() - 1] & 0xFF) == Op.JALR) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per block: whether the switch enters it directly: the head, a loop header, or a block in no innermost loop of the
     * region's jumps (calls excluded: a cycle through a call is a recursion, fib's). Loops are natural loops, one per
     * back edge (its target, and the blocks that reach its source without passing the target); innermost: no other
     * back edge inside. Blocks of outer loops are entered directly: copies there made matmul's outer loop reducible and
     * cost its inner loop 9-16% (C2's optimizations of the outer loop).
     */
    static boolean[] direct(List<BlockSpec> blocks, Map<Long, Integer> index) {
        int n = blocks.size();
        int[][] succ = Loops.graph(blocks, index, false);
        List<int[]> back = Loops.backEdges(succ);
        boolean[] ok = new boolean[n];
        java.util.Arrays.fill(ok, true);
        for (int[] e : back) {
            boolean[] body = body(succ, e[0], e[1]);
            boolean inner = true;
            for (int[] f : back) {
                inner &= f == e || !(body[f[0]] && body[f[1]]);
            }
            for (int k = 0; k < n && inner; k++) {
                ok[k] &= !body[k];
            }
        }
        for (int[] e : back) {
            ok[e[1]] = true;
        }
        ok[0] = true;
        // and a block with a shorter cycle than its own in its strongly connected part: an outer loop's (matmul-rv32's
        // outer loop through a block that repeats the inner loop's body, a natural loop of its own: copies -10%)
        int[] edges = new int[n];
        java.util.Arrays.fill(edges, 1);
        int[][] dist = Loops.paths(succ, edges)[0];
        for (int k = 1; k < n; k++) {
            ok[k] |= Loops.outer(dist, k);
        }
        return ok;
    }

    /** The natural loop of the back edge u -> h: h and the blocks from which u is reached without passing h. */
    private static boolean[] body(int[][] succ, int u, int h) {
        int n = succ.length;
        boolean[] in = new boolean[n];
        in[h] = true;
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        if (!in[u]) {
            in[u] = true;
            work.add(u);
        }
        while (!work.isEmpty()) {
            int v = work.poll();
            for (int p = 0; p < n; p++) {
                if (!in[p]) {
                    for (int s : succ[p]) {
                        if (s == v) {
                            in[p] = true;
                            work.add(p);
                            break;
                        }
                    }
                }
            }
        }
        return in;
    }
}
