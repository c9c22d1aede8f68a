package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Register locals ({@link Gen}'s register methods): an int local for every RV32 register and the RV64 {@link Narrow}
 * ones (their long value is always the int sign-extended), a long local for other RV64 registers, none for cold ones
 * ({@link ColdRegs}: the hart's array). On RV32, C2 folds the widening into the int arithmetic around it, so 32-bit
 * values stay in 32-bit machine registers without sign extensions after every operation.
 */
final class NarrowLocals {
    private NarrowLocals() {
    }

    /** {@link Gen#loadReg}. */
    static void loadReg(Gen g, int r) {
        MethodVisitor mv = g.mv;
        if (r == 0) {
            mv.visitInsn(LCONST_0);
        } else if (g.cold[r]) {
            ColdRegs.load(g, r, false);
        } else {
            boolean in = g.intLocal(r);
            mv.visitVarInsn(in ? ILOAD : LLOAD, slot(r));
            if (in) {
                mv.visitInsn(I2L);
            }
        }
    }

    /** {@link Gen#loadInt}. */
    static void loadInt(Gen g, int r) {
        MethodVisitor mv = g.mv;
        if (r == 0) {
            mv.visitInsn(ICONST_0);
        } else if (g.cold[r]) {
            ColdRegs.load(g, r, true);
        } else if (g.intLocal(r)) {
            mv.visitVarInsn(ILOAD, slot(r));
        } else {
            mv.visitVarInsn(LLOAD, slot(r));
            mv.visitInsn(L2I);
        }
    }

    /** {@link Gen#storeReg}: an int local keeps the low 32 bits (a narrow register: the whole value, {@link Narrow}). */
    static void storeReg(Gen g, int rd) {
        MethodVisitor mv = g.mv;
        if (rd == 32 || rd == 0) {
            mv.visitInsn(POP2);
        } else if (g.cold[rd]) {
            ColdRegs.store(g, rd);
        } else if (g.intLocal(rd)) {
            mv.visitInsn(L2I);
            mv.visitVarInsn(ISTORE, slot(rd));
            Narrow.written(g, rd);
        } else {
            mv.visitVarInsn(LSTORE, slot(rd));
        }
    }

    /** {@link Gen#storeInt}. */
    static void storeInt(Gen g, int rd) {
        MethodVisitor mv = g.mv;
        if (rd == 32 || rd == 0) {
            mv.visitInsn(POP);
        } else if (g.cold[rd]) {
            mv.visitInsn(I2L);
            ColdRegs.store(g, rd);
        } else if (g.intLocal(rd)) {
            mv.visitVarInsn(ISTORE, slot(rd));
            Narrow.written(g, rd);
        } else {
            mv.visitInsn(I2L);
            mv.visitVarInsn(LSTORE, slot(rd));
        }
    }

    /** {@link Gen#fetchReg}: a narrow register's at the region's entry only, checked ({@link Narrow#fetch}). */
    static void fetchReg(Gen g, int r) {
        if (g.cold[r]) {
            return;                                 // x[r] is the register
        }
        if (g.narrow[r]) {
            Narrow.fetch(g, r);
            return;
        }
        g.mv.visitVarInsn(ALOAD, X);
        g.iconst(r);
        g.mv.visitInsn(LALOAD);
        storeReg(g, r);
    }

    /** {@link Gen#writeBack}: a narrow register's unless its flag says x[r] still holds it. */
    static void writeBack(Gen g, int r) {
        if (g.cold[r]) {
            return;
        }
        Label skip = Narrow.unlessHeld(g, r);
        g.mv.visitVarInsn(ALOAD, X);
        g.iconst(r);
        loadReg(g, r);
        g.mv.visitInsn(LASTORE);
        if (skip != null) {
            g.mv.visitLabel(skip);
        }
    }
}
