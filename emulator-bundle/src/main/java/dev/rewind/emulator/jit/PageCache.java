package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.isa.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Page caches of byte accesses in loops: a local per access (LB, LBU or SB in a block on a cycle of the region, whose
 * block has no wider access of the same kind: that one keeps the table and its mask in registers anyway, and crc's
 * loop, lbu + table lw, lost 10% with a cache for its lbu) holding
 * the page number whose tag check last passed there. The access compares its page with it (a shift and a compare)
 * and does the whole tag check ({@link MemEmit#fastCheck}'s) only when they differ, then remembers the page: a byte
 * loop walking through RAM checks the tags once per page instead of once per byte, and keeps neither tag table nor
 * mask in registers.
 *
 * <p>Exactness: a cached page passed this access's own check (same table: loads or stores) since the last reset, and
 * tags change only in Java code the region calls. The caches are -1 (no page) at the region's entry and again after
 * every call that stays in the region: slow-path loads and stores, atomics ({@link #reset}); a CSR/system
 * instruction, a trap, a cut and the budget leave the region; regions with probes (callbacks) get no caches.
 * Off with -Drewind.jit.pageCache=false (A/B measurements).
 */
final class PageCache {
    static final boolean CACHES = !"false".equals(System.getProperty("rewind.jit.pageCache"));

    /** Caches per region: each is live across the whole region (register pressure). */
    static final int MAX = 4;

    private final boolean rv32;
    /** Per block, per instruction: its cache's local slot, or -1. */
    private final int[][] slot;
    private final int[] slots;
    /** RV64: a long local for the page number between the compare and the cache store. */
    final int temp;

    PageCache(List<BlockSpec> blocks, java.util.Map<Long, Integer> index, boolean rv32, int first) {
        this.rv32 = rv32;
        int nb = blocks.size();
        slot = new int[nb][];
        for (int k = 0; k < nb; k++) {
            slot[k] = new int[blocks.get(k).length()];
            Arrays.fill(slot[k], -1);
        }
        int width = rv32 ? 1 : 2;
        temp = first + MAX * width;
        boolean probed = false;
        for (BlockSpec b : blocks) {
            probed |= b.probes() != null;
        }
        if (!CACHES || probed) {
            slots = new int[0];
            return;
        }
        int[] cycle = cycles(blocks, index);
        List<int[]> sites = new ArrayList<>();
        for (int k = 0; k < nb; k++) {
            if (cycle[k] == Integer.MAX_VALUE) {
                continue;
            }
            BlockSpec b = blocks.get(k);
            boolean wideLoad = false;
            boolean wideStore = false;
            for (int i = 0; i < b.length(); i++) {
                int op = b.code()[i] & 0xFF;
                wideLoad |= op == Op.LH || op == Op.LHU || op == Op.LW || op == Op.LWU || op == Op.LD;
                wideStore |= op == Op.SH || op == Op.SW || op == Op.SD;
            }
            for (int i = 0; i < b.length(); i++) {
                int op = b.code()[i] & 0xFF;
                if (op == Op.SB ? !wideStore : (op == Op.LB || op == Op.LBU) && !wideLoad) {
                    sites.add(new int[] {cycle[k], k, i});
                }
            }
        }
        sites.sort((a, c) -> a[0] != c[0] ? Integer.compare(a[0], c[0]) : a[1] != c[1] ? a[1] - c[1] : a[2] - c[2]);
        int n = Math.min(MAX, sites.size());
        slots = new int[n];
        for (int s = 0; s < n; s++) {
            int[] site = sites.get(s);
            slots[s] = first + s * width;
            slot[site[1]][site[2]] = slots[s];
        }
    }

    /**
     * Per block: the instructions on its shortest cycle through blocks of the region (direct branches, jumps and
     * fall-throughs; an indirect jump's targets are not followed), or MAX_VALUE when it is on none.
     */
    private static int[] cycles(List<BlockSpec> blocks, java.util.Map<Long, Integer> index) {
        int nb = blocks.size();
        int[][] succ = new int[nb][];
        for (int k = 0; k < nb; k++) {
            BlockSpec b = blocks.get(k);
            int op = b.code()[b.length() - 1] & 0xFF;
            long[] targets = b.exits() || op == Op.JALR ? new long[0]
                    : op == Op.JAL ? new long[] {b.imm()[b.length() - 1]}
                    : op == Op.BEQ || op == Op.BNE || op == Op.BLT || op == Op.BGE || op == Op.BLTU || op == Op.BGEU
                            ? new long[] {b.imm()[b.length() - 1], b.endPc()} : new long[] {b.endPc()};
            succ[k] = Arrays.stream(targets).mapToObj(index::get).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).toArray();
        }
        int[] cycle = new int[nb];
        for (int k = 0; k < nb; k++) {
            // Dijkstra-free: block lengths are small, a BFS by instructions over at most a few hundred blocks
            int[] dist = new int[nb];
            Arrays.fill(dist, Integer.MAX_VALUE);
            ArrayDeque<Integer> work = new ArrayDeque<>();
            for (int s : succ[k]) {
                if (blocks.get(k).length() < dist[s]) {
                    dist[s] = blocks.get(k).length();
                    work.add(s);
                }
            }
            while (!work.isEmpty()) {
                int u = work.poll();
                for (int s : succ[u]) {
                    int d = dist[u] + blocks.get(u).length();
                    if (d < dist[s]) {
                        dist[s] = d;
                        work.add(s);
                    }
                }
            }
            cycle[k] = dist[k];
        }
        return cycle;
    }

    /** Instruction i of block k's cache slot, or -1. */
    int slot(int k, int i) {
        return slot[k][i];
    }

    /** All caches = -1: at the region's entry and after every call that stays in the region. */
    void reset(Gen g) {
        for (int s : slots) {
            if (rv32) {
                g.mv.visitInsn(ICONST_M1);
                g.mv.visitVarInsn(ISTORE, s);
            } else {
                g.lconst(-1L);
                g.mv.visitVarInsn(LSTORE, s);
            }
        }
    }

    /**
     * The byte access at {@code x[r1] + imm}: RAM index in PO; on to the access when its page is the cached one or
     * passes the tag check (then cached), else to {@code slow}.
     */
    void check(Gen g, int r1, long imm, int cache, int tagsSlot, Label slow) {
        MethodVisitor mv = g.mv;
        Label hit = new Label();
        if (rv32) {
            g.loadInt(r1);
            g.iconst((int) imm - (int) g.base);
            mv.visitInsn(IADD);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, PO);
            g.iconst(12);
            mv.visitInsn(IUSHR);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, PI);
            mv.visitVarInsn(ILOAD, cache);
            mv.visitJumpInsn(IF_ICMPEQ, hit);
            mv.visitVarInsn(ALOAD, tagsSlot);
            mv.visitVarInsn(ILOAD, PI);
            mask(mv, tagsSlot);
            mv.visitInsn(IALOAD);
            mv.visitVarInsn(ILOAD, PI);
            mv.visitJumpInsn(IF_ICMPNE, slow);
            mv.visitVarInsn(ILOAD, PI);
            mv.visitVarInsn(ISTORE, cache);
        } else {
            g.loadReg(r1);
            g.lconst(imm - g.base);
            mv.visitInsn(LADD);
            mv.visitInsn(DUP2);
            mv.visitInsn(L2I);
            mv.visitVarInsn(ISTORE, PO);
            g.iconst(12);
            mv.visitInsn(LUSHR);
            mv.visitInsn(DUP2);
            mv.visitVarInsn(LSTORE, temp);
            mv.visitVarInsn(LLOAD, cache);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFEQ, hit);
            mv.visitVarInsn(ALOAD, tagsSlot);
            mv.visitVarInsn(LLOAD, temp);
            mv.visitInsn(L2I);
            mask(mv, tagsSlot);
            mv.visitInsn(IALOAD);
            mv.visitInsn(I2L);
            mv.visitVarInsn(LLOAD, temp);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFNE, slow);
            mv.visitVarInsn(LLOAD, temp);
            mv.visitVarInsn(LSTORE, cache);
        }
        mv.visitLabel(hit);
    }

    /** {@code index & (tags.length - 1)} (as in {@link MemEmit}: C2 folds the table's range check). */
    private static void mask(MethodVisitor mv, int tagsSlot) {
        mv.visitVarInsn(ALOAD, tagsSlot);
        mv.visitInsn(ARRAYLENGTH);
        mv.visitInsn(ICONST_M1);
        mv.visitInsn(IADD);
        mv.visitInsn(IAND);
    }
}
