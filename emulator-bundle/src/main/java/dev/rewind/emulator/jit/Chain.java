package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Chaining: a region leaving for a pc outside itself (branch, jump, fall-through, indirect jump) calls the region
 * the slice loop would run there next, directly, instead of returning to the loop ({@code JitCode.next} decides, with
 * the loop's own checks between regions). The call is in tail position: the caller first writes back everything the
 * loop would see (registers, pc, retired and cycles), the callee continues with the budget and time left, and the
 * caller returns its slots plus the callee's. Each site has its own call instruction (a monomorphic call for C2).
 */
final class Chain {
    private Chain() {
    }

    static final boolean SHARED = Boolean.getBoolean("rewind.jit.shared.site");
    static final boolean ON = !"false".equals(System.getProperty("rewind.jit.chain"));
    private static final String D_JIT = "L" + JITCODE + ";";

    /** An exit site (next pc in NPC): to {@link Gen#chain} when a region is linked there, else to the exit. */
    static void site(Gen g) {
        MethodVisitor mv = g.mv;
        int s = g.sites++;
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, H);
        g.iconst(s);
        mv.visitVarInsn(LLOAD, NPC);
        mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "next", "(" + D_HART + "IJ)" + D_JIT, false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, NEXTJ);
        mv.visitJumpInsn(IFNULL, g.exit);
        g.iconst(s);
        mv.visitVarInsn(ISTORE, SITE);
        mv.visitJumpInsn(GOTO, g.chain);
    }

    /** The shared tail (outside the trap handler's range): write back, then the site's call of the next region. */
    static void tail(Gen g, boolean[] written) {
        if (g.sites == 0) {
            return;
        }
        MethodVisitor mv = g.mv;
        mv.visitLabel(g.chain);
        g.storeRegs(written);
        mv.visitVarInsn(ALOAD, H);
        mv.visitVarInsn(LLOAD, NPC);
        mv.visitFieldInsn(PUTFIELD, HART, "pc", "J");
        for (String f : new String[] {"retired", "cycles"}) {
            mv.visitVarInsn(ALOAD, H);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, HART, f, "J");
            mv.visitVarInsn(LLOAD, USED);
            mv.visitInsn(LADD);
            mv.visitFieldInsn(PUTFIELD, HART, f, "J");
        }
        if (SHARED) {
            mv.visitVarInsn(ALOAD, NEXTJ);
            mv.visitVarInsn(ALOAD, H);
            mv.visitVarInsn(LLOAD, BUDGET);
            mv.visitVarInsn(LLOAD, USED);
            mv.visitInsn(LSUB);
            mv.visitVarInsn(LLOAD, T0);
            mv.visitVarInsn(LLOAD, USED);
            mv.visitInsn(LADD);
            mv.visitMethodInsn(INVOKESTATIC, JITCODE, "chain", "(" + D_JIT + D_HART + "JJ)J", false);
            mv.visitVarInsn(LLOAD, USED);
            mv.visitInsn(LADD);
            mv.visitInsn(LRETURN);
            return;
        }
        Label[] calls = new Label[g.sites];
        for (int s = 0; s < calls.length; s++) {
            calls[s] = new Label();
        }
        mv.visitVarInsn(ILOAD, SITE);
        mv.visitTableSwitchInsn(0, calls.length - 1, calls[0], calls);
        for (Label c : calls) {
            mv.visitLabel(c);
            mv.visitVarInsn(ALOAD, NEXTJ);
            mv.visitVarInsn(ALOAD, H);
            mv.visitVarInsn(LLOAD, BUDGET);
            mv.visitVarInsn(LLOAD, USED);
            mv.visitInsn(LSUB);
            mv.visitVarInsn(LLOAD, T0);
            mv.visitVarInsn(LLOAD, USED);
            mv.visitInsn(LADD);
            mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "run", "(" + D_HART + "JJ)J", false);
            mv.visitVarInsn(LLOAD, USED);
            mv.visitInsn(LADD);
            mv.visitInsn(LRETURN);
        }
    }
}
