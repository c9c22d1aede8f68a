package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/** Dispatch inside a region on a pc known only at run time: at the region's entry and after indirect jumps. */
final class Dispatch {
    private Dispatch() {
    }

    /**
     * Any block of the region is an entry: dispatch on the page offset of {@code h.pc}, into a loop through its
     * header only ({@link LoopEntries}: a block inside a loop is entered through a copy of it).
     */
    static void entrySwitch(Gen g, BudgetPlan plan, LoopEntries entries) {
        MethodVisitor mv = g.mv;
        Narrow.checkAll(g);
        if (g.blocks.size() == 1) {
            Narrow.check(g, 0);
            return;
        }
        mv.visitVarInsn(ALOAD, H);
        mv.visitFieldInsn(GETFIELD, HART, "pc", "J");
        mv.visitVarInsn(LSTORE, NPC);
        dispatch(g, plan, k -> Narrow.entry(g, k, entries.target(k, plan)));
        Narrow.stubs(g);
    }

    /**
     * Continues at the pc in NPC: a jump to the region's block there (its entry check, {@link BudgetPlan}) when there
     * is one, else leaves. Used at entry and after indirect jumps (returns to a call site in the region stay inside).
     */
    static void dispatch(Gen g, BudgetPlan plan) {
        dispatch(g, plan, k -> plan.entry[k]);
    }

    /**
     * A return ({@code jalr x0, 0(ra|t0)}) in a region with no return site (no block at the link of a call in the
     * region) leaves at once instead of a switch over every block (a function's region returning to its callers'
     * blocks in other regions): ~22 keys, ~300 bytecode bytes less, so the region holds more under the same limit
     * (k-state's float loop region 800007f2, 4,533 -> 3,911 bytes, is no longer cut: 128.6 -> 159.5 instructions per
     * slice-loop trip).
     * {@code -Drewind.jit.retSites=all}: every return dispatches over the region's return sites only (also in
     * regions that have some: k-state +12% but bench-rv32 -4.6%, its cut keeping a 20-instruction block more);
     * {@code false}: over all blocks, as before.
     */
    static final boolean RET_SITES = !"false".equals(System.getProperty("rewind.jit.retSites"));
    static final boolean RET_ALL = "all".equals(System.getProperty("rewind.jit.retSites"));
    /**
     * {@code -Drewind.jit.retWide=true}: returns in regions at the short-block limit ({@link BudgetPlan#wide}; none in
     * the project guests) dispatch over the return sites only, as {@code all} does everywhere. k-state-rv32's state
     * region 6,802 -> 5,962 bytes (same blocks and trips), but no gain in time (C2 profiles the full switch; 3-way A/B,
     * 4 rounds: k-state -0.6% / -1.7%, CoreMark-25k-rv32 +2.1%), so off by default.
     */
    static final boolean RET_WIDE = Boolean.getBoolean("rewind.jit.retWide");

    /** After block {@code from}'s indirect jump: {@link #dispatch(Gen, BudgetPlan)}, over return sites for a return. */
    static void dispatch(Gen g, BudgetPlan plan, int from) {
        if (!RET_SITES || !isReturn(g.blocks.get(from))) {
            dispatch(g, plan);
            return;
        }
        int[] sites = returnSites(g.blocks);
        if (sites.length == 0) {
            g.mv.visitJumpInsn(GOTO, g.exit);
            return;
        }
        if (!RET_ALL && !(RET_WIDE && plan.wide)) {
            dispatch(g, plan);
            return;
        }
        dispatch(g, plan, sites, k -> plan.entry[k]);
    }

    /** Whether the block ends in a return: {@code jalr x0, 0(x1)} or {@code jalr x0, 0(x5)} (rd 0 is the sink 32). */
    static boolean isReturn(BlockSpec b) {
        int last = b.length() - 1;
        int w = b.code()[last];
        int rd = (w >>> 8) & 63;
        int r1 = (w >>> 16) & 63;
        return (w & 0xFF) == dev.rewind.emulator.isa.Op.JALR && (rd == 32 || rd == 0) && (r1 == 1 || r1 == 5)
                && b.imm()[last] == 0;
    }

    /** The blocks (indexes, ascending) whose pc is the link of a block of the region ending in a call (rd ra or t0). */
    static int[] returnSites(java.util.List<BlockSpec> blocks) {
        java.util.Set<Long> links = new java.util.HashSet<>();
        for (BlockSpec b : blocks) {
            int w = b.code()[b.length() - 1];
            int op = w & 0xFF;
            int rd = (w >>> 8) & 63;
            boolean call = op == dev.rewind.emulator.isa.Op.JAL || op == dev.rewind.emulator.isa.Op.JALR;
            if (call && (rd == 1 || rd == 5)) {
                links.add(b.endPc());
            }
        }
        return java.util.stream.IntStream.range(0, blocks.size()).filter(k -> links.contains(blocks.get(k).pc()))
                .toArray();
    }

    /** {@link #dispatch(Gen, BudgetPlan)} to {@code to.apply(k)} for block k. */
    private static void dispatch(Gen g, BudgetPlan plan, java.util.function.IntFunction<Label> to) {
        dispatch(g, plan, java.util.stream.IntStream.range(0, g.blocks.size()).toArray(), to);
    }

    /**
     * Dispatch on NPC over blocks {@code ks} (indexes) to {@code to.apply(k)}; any other pc leaves. With the entry gate
     * ({@link BudgetPlan#gate}) first: "the most any target's entry asks for fits, else leave with pc NPC".
     */
    private static void dispatch(Gen g, BudgetPlan plan, int[] ks, java.util.function.IntFunction<Label> to) {
        MethodVisitor mv = g.mv;
        int need = plan.gate(ks);
        if (need > 0) {
            mv.visitVarInsn(LLOAD, USED);
            g.lconst(need);
            mv.visitInsn(LADD);
            mv.visitVarInsn(LLOAD, BUDGET);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFGT, g.exit);
        }
        int n = ks.length;
        long lo = lowest(g);
        // (keys computed once: a key per comparison scanned every block, a quarter of the translation's time)
        long[] order = new long[n];
        for (int j = 0; j < n; j++) {
            order[j] = (long) Math.toIntExact(g.blocks.get(ks[j]).pc() - lo) << 32 | ks[j];
        }
        java.util.Arrays.sort(order);
        int[] keys = new int[n];
        Label[] targets = new Label[n];
        for (int j = 0; j < n; j++) {
            keys[j] = (int) (order[j] >>> 32);
            targets[j] = to.apply((int) order[j]);
        }
        mv.visitVarInsn(LLOAD, NPC);
        g.lconst(lo);
        mv.visitInsn(LSUB);
        mv.visitInsn(DUP2);
        g.lconst(Long.MIN_VALUE);
        mv.visitInsn(LXOR);
        g.lconst((keys[n - 1] + 1L) ^ Long.MIN_VALUE);
        mv.visitInsn(LCMP);
        Label in = new Label();
        mv.visitJumpInsn(IFLT, in);
        mv.visitInsn(POP2);
        mv.visitJumpInsn(GOTO, g.exit);
        mv.visitLabel(in);
        mv.visitInsn(L2I);
        mv.visitLookupSwitchInsn(g.exit, keys, targets);
    }

    /** Dispatch keys: a block's pc minus the region's lowest (regions span far less than 2 GiB, keys are >= 0). */
    private static long lowest(Gen g) {
        long lo = Long.MAX_VALUE;
        for (BlockSpec b : g.blocks) {
            lo = Math.min(lo, b.pc());
        }
        return lo;
    }
}
