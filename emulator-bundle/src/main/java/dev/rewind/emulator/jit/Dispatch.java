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

    /** {@link #dispatch(Gen, BudgetPlan)} to {@code to.apply(k)} for block k. */
    private static void dispatch(Gen g, BudgetPlan plan, java.util.function.IntFunction<Label> to) {
        MethodVisitor mv = g.mv;
        int n = g.blocks.size();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(key(g, a), key(g, b)));
        int[] keys = new int[n];
        Label[] targets = new Label[n];
        for (int j = 0; j < n; j++) {
            keys[j] = key(g, order[j]);
            targets[j] = to.apply(order[j]);
        }
        long lo = lowest(g);
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

    /** Dispatch key of block k: its pc minus the region's lowest (regions span far less than 2 GiB). */
    private static int key(Gen g, int k) {
        return Math.toIntExact(g.blocks.get(k).pc() - lowest(g));
    }

    private static long lowest(Gen g) {
        long lo = Long.MAX_VALUE;
        for (BlockSpec b : g.blocks) {
            lo = Math.min(lo, b.pc());
        }
        return lo;
    }
}
