package dev.rewind.emulator.jit;

import dev.rewind.emulator.isa.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A region's control flow through its direct jumps, as {@link BlockEmit} emits them: successors, back edges and
 * shortest cycles, shared by the budget checks ({@link BudgetPlan}), the loop entries ({@link LoopEntries}) and the
 * page caches ({@link PageCache}), so that they choose the same loops.
 */
final class Loops {
    private Loops() {
    }

    /**
     * The blocks (indices by pc in {@code index}) that block b continues to inside its region through direct jumps,
     * branches and fall-throughs, as {@link BlockEmit} emits them (an indirect jump's targets are not followed).
     */
    static int[] successors(BlockSpec b, Map<Long, Integer> index) {
        if (b.exits()) {
            return new int[0];
        }
        int last = b.length() - 1;
        long imm = b.imm()[last];
        long[] t = switch (b.code()[last] & 0xFF) {
            case Op.JAL -> new long[] {imm};
            case Op.JALR -> new long[0];
            case Op.BEQ, Op.BNE, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU -> new long[] {b.endPc(), imm};
            default -> new long[] {b.endPc()};
        };
        int[] out = new int[t.length];
        int m = 0;
        for (long pc : t) {
            Integer s = index.get(pc);
            if (s != null) {
                out[m++] = s;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * Per block: its {@link #successors}; none for a call ({@code jal} with a link register) when {@code calls} is
     * false (a cycle through a call is a recursion, fib's, not a loop).
     */
    static int[][] graph(List<BlockSpec> blocks, Map<Long, Integer> index, boolean calls) {
        int n = blocks.size();
        int[][] succ = new int[n][];
        for (int k = 0; k < n; k++) {
            BlockSpec b = blocks.get(k);
            int last = b.code()[b.length() - 1];
            boolean call = (last & 0xFF) == Op.JAL && ((last >>> 8) & 63) != 32;
            succ[k] = call && !calls ? new int[0] : successors(b, index);
        }
        return succ;
    }

    /**
     * Depth-first searches from every block not yet reached, in order: every edge back to a block on the search path,
     * as {source, target} (every cycle has one).
     */
    static List<int[]> backEdges(int[][] succ) {
        List<int[]> back = new ArrayList<>();
        byte[] state = new byte[succ.length];
        for (int k = 0; k < succ.length; k++) {
            if (state[k] == 0) {
                backEdges(k, succ, state, back);
            }
        }
        return back;
    }

    private static void backEdges(int k, int[][] succ, byte[] state, List<int[]> back) {
        state[k] = 1;
        for (int s : succ[k]) {
            if (state[s] == 1) {
                back.add(new int[] {k, s});
            } else if (state[s] == 0) {
                backEdges(s, succ, state, back);
            }
        }
        state[k] = 2;
    }

    /**
     * Shortest paths from every block a through one or more edges: {@code [0][a][u]} the least sum of {@code weight}
     * of the blocks left on the way from a to u (a included, u not; MAX_VALUE if none; {@code [0][a][a]}: a's shortest
     * cycle), {@code [1][a][u]} u's predecessor on it. A relaxation queue over at most a few hundred blocks.
     */
    static int[][][] paths(int[][] succ, int[] weight) {
        int nb = succ.length;
        int[][] distOf = new int[nb][];
        int[][] prevOf = new int[nb][];
        for (int k = 0; k < nb; k++) {
            int[] dist = new int[nb];
            int[] prev = new int[nb];
            Arrays.fill(dist, Integer.MAX_VALUE);
            ArrayDeque<Integer> work = new ArrayDeque<>();
            for (int s : succ[k]) {
                if (weight[k] < dist[s]) {
                    dist[s] = weight[k];
                    prev[s] = k;
                    work.add(s);
                }
            }
            while (!work.isEmpty()) {
                int u = work.poll();
                for (int s : succ[u]) {
                    int d = dist[u] + weight[u];
                    if (d < dist[s]) {
                        dist[s] = d;
                        prev[s] = u;
                        work.add(s);
                    }
                }
            }
            distOf[k] = dist;
            prevOf[k] = prev;
        }
        return new int[][][] {distOf, prevOf};
    }

    /**
     * Whether block k's strongly connected part (of {@link #paths}' {@code dist}) has a block on a shorter cycle than
     * k's own: k is on an outer loop.
     */
    static boolean outer(int[][] dist, int k) {
        for (int u = 0; u < dist.length; u++) {
            if (dist[k][u] != Integer.MAX_VALUE && dist[u][k] != Integer.MAX_VALUE && dist[u][u] < dist[k][k]) {
                return true;
            }
        }
        return false;
    }
}
