package dev.rewind.emulator.jit;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Shortens the region method's jumps where the code that follows makes them redundant: {@code goto L; L:} (a block
 * falling through to the block emitted next), {@code if c A; goto B; A:} (a branch whose taken target comes next)
 * and {@code i2l; l2i}. The emitters write every transfer as a jump; these are 2-3 bytes each of the region's size
 * limit, with the same control flow. Holds back at most a conditional jump and a GOTO (or an I2L) until the next
 * visit; everything else passes through unchanged. Off by default ({@link #ON}:
 * {@code -Drewind.jit.compact=true}).
 */
final class GotoPeephole extends MethodVisitor {
    /**
     * Compact jumps and constants, OFF by default ({@code -Drewind.jit.compact=true}, experiments):
     * this peephole, small long constants as {@code iconst; i2l}. -3% bytes per block on CoreMark, but
     * work-calls-rv32 -4..-5% cpu-mips in 6 of 6 A/B rounds (C2 code from the same control flow; not understood). A
     * branch emitted straight to its in-region target (rather than over a goto) was -8..-12% on work-matmul-rv64 for
     * no size gain over the peephole.
     */
    static final boolean ON = Boolean.getBoolean("rewind.jit.compact");

    /** Held back: a conditional jump (opcode, target), a GOTO's target, an I2L; each 0/null when none. */
    private int cond;
    private Label condTo;
    private Label pending;
    private boolean i2l;

    GotoPeephole(MethodVisitor mv) {
        super(ASM9, mv);
    }

    /** The region method's visitor, with the peephole unless it is switched off. */
    static MethodVisitor wrap(MethodVisitor mv) {
        return ON ? new GotoPeephole(mv) : mv;
    }

    private void flush() {
        if (cond != 0) {
            super.visitJumpInsn(cond, condTo);
            cond = 0;
        }
        if (pending != null) {
            super.visitJumpInsn(GOTO, pending);
            pending = null;
        }
        if (i2l) {
            super.visitInsn(I2L);
            i2l = false;
        }
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (opcode == GOTO && cond != 0 && pending == null) {
            pending = label;
            return;
        }
        flush();
        if (opcode == GOTO) {
            pending = label;
        } else if (opcode >= IFEQ && opcode <= IF_ACMPNE) {
            cond = opcode;
            condTo = label;
        } else {
            super.visitJumpInsn(opcode, label);
        }
    }

    /** {@code if c A; goto B; A:} becomes {@code if !c B; A:}, and {@code goto A; A:} just {@code A:}. */
    @Override
    public void visitLabel(Label label) {
        if (cond != 0 && pending != null && condTo == label) {
            super.visitJumpInsn(((cond - IFEQ) ^ 1) + IFEQ, pending);
            cond = 0;
            pending = null;
        } else if (pending == label) {
            pending = null;
        }
        flush();
        super.visitLabel(label);
    }

    /** An I2L directly followed by an L2I is dropped (RV32 registers widened for an emitter that narrows them). */
    @Override
    public void visitInsn(int opcode) {
        if (opcode == L2I && i2l && cond == 0 && pending == null) {
            i2l = false;
            return;
        }
        flush();
        if (opcode == I2L) {
            i2l = true;
        } else {
            super.visitInsn(opcode);
        }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        flush();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        flush();
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        flush();
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        flush();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        flush();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
        flush();
        super.visitInvokeDynamicInsn(name, descriptor, bsm, bsmArgs);
    }

    @Override
    public void visitLdcInsn(Object value) {
        flush();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        flush();
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        flush();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        flush();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        flush();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        flush();
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        flush();
        super.visitMaxs(maxStack, maxLocals);
    }

    @Override
    public void visitEnd() {
        flush();
        super.visitEnd();
    }
}
