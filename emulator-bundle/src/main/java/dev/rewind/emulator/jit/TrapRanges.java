package dev.rewind.emulator.jit;

import static org.objectweb.asm.Opcodes.ASM9;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The region's trap handler covers the calls that may throw a guest trap, one exception-table range each, not the
 * whole region: a {@code Trap} comes only out of a call (no instruction of the region throws one itself). A range over
 * the whole region made every instruction that can throw (array accesses, field reads, VarHandle calls) an edge to the
 * handler in C1, each keeping all register locals in its debug state and needing its own resolution moves.
 * Calls of {@code java/...} methods (VarHandles, {@code Math}, {@code Long}) throw no {@code Trap} and get no range. A
 * try block of the region's own ({@link Probe}'s callback guard) gets the trap handler's range first, over the same
 * code, so a {@code Trap} there is still the trap handler's, as when one range covered everything.
 */
final class TrapRanges extends MethodVisitor {
    private final Label handler;
    private final String type;
    private boolean on;

    TrapRanges(MethodVisitor mv, Label handler, String type) {
        super(ASM9, mv);
        this.handler = handler;
        this.type = type;
    }

    /** Between {@code start} and {@link #end}: calls are covered. */
    void start() {
        on = true;
    }

    void end() {
        on = false;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
        if (!on || owner.startsWith("java/")) {
            super.visitMethodInsn(opcode, owner, name, desc, itf);
            return;
        }
        Label s = new Label();
        Label e = new Label();
        super.visitTryCatchBlock(s, e, handler, type);
        super.visitLabel(s);
        super.visitMethodInsn(opcode, owner, name, desc, itf);
        super.visitLabel(e);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label h, String t) {
        if (on) {
            super.visitTryCatchBlock(start, end, handler, type);
        }
        super.visitTryCatchBlock(start, end, h, t);
    }
}
