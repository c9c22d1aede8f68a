package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * {@link GotoPeephole} drops only what the following code makes redundant (a goto to the next label, a branch over a
 * goto to its own target, i2l followed by l2i) and passes everything else through in order.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class GotoPeepholeTest {

    /** Writes what reaches it as text: opcodes as numbers, labels by first appearance (L0, L1, ...). */
    static final class Recorder extends MethodVisitor {
        final List<String> out = new ArrayList<>();
        final Map<Label, String> names = new IdentityHashMap<>();

        Recorder() {
            super(ASM9);
        }

        String name(Label l) {
            return names.computeIfAbsent(l, x -> "L" + names.size());
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            out.add(opcode + ">" + name(label));
        }

        @Override
        public void visitLabel(Label label) {
            out.add(name(label) + ":");
        }

        @Override
        public void visitInsn(int opcode) {
            out.add(Integer.toString(opcode));
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            out.add(opcode + "/" + var);
        }
    }

    private static List<String> through(java.util.function.BiConsumer<MethodVisitor, Label[]> emit) {
        Recorder r = new Recorder();
        Label[] ls = {new Label(), new Label(), new Label()};
        for (Label l : ls) {
            r.name(l);
        }
        MethodVisitor p = new GotoPeephole(r);
        emit.accept(p, ls);
        p.visitEnd();
        return r.out;
    }

    @Test
    void gotoToTheNextLabelIsDropped() {
        assertThat(through((mv, l) -> {
            mv.visitJumpInsn(GOTO, l[0]);
            mv.visitLabel(l[0]);
        })).containsExactly("L0:");
        assertThat(through((mv, l) -> {
            mv.visitJumpInsn(GOTO, l[0]);
            mv.visitLabel(l[1]);
        })).containsExactly(GOTO + ">L0", "L1:");
    }

    @Test
    void branchOverAGotoToItsOwnTargetIsInverted() {
        assertThat(through((mv, l) -> {
            mv.visitJumpInsn(IF_ICMPLT, l[0]);
            mv.visitJumpInsn(GOTO, l[1]);
            mv.visitLabel(l[0]);
        })).containsExactly(IF_ICMPGE + ">L1", "L0:");
        assertThat(through((mv, l) -> {
            mv.visitJumpInsn(IFEQ, l[0]);
            mv.visitJumpInsn(GOTO, l[1]);
            mv.visitLabel(l[1]);
        })).containsExactly(IFEQ + ">L0", "L1:");
        assertThat(through((mv, l) -> {
            mv.visitJumpInsn(IFLE, l[0]);
            mv.visitJumpInsn(GOTO, l[1]);
            mv.visitLabel(l[2]);
        })).containsExactly(IFLE + ">L0", GOTO + ">L1", "L2:");
        assertThat(through((mv, l) -> {
            mv.visitJumpInsn(IFNE, l[0]);
            mv.visitVarInsn(ILOAD, 3);
            mv.visitJumpInsn(GOTO, l[1]);
            mv.visitLabel(l[0]);
        })).containsExactly(IFNE + ">L0", ILOAD + "/3", GOTO + ">L1", "L0:");
    }

    @Test
    void wideningThenNarrowingIsDropped() {
        assertThat(through((mv, l) -> {
            mv.visitVarInsn(ILOAD, 5);
            mv.visitInsn(I2L);
            mv.visitInsn(L2I);
            mv.visitVarInsn(ISTORE, 6);
        })).containsExactly(ILOAD + "/5", ISTORE + "/6");
        assertThat(through((mv, l) -> {
            mv.visitInsn(I2L);
            mv.visitInsn(LADD);
            mv.visitInsn(L2I);
        })).containsExactly(Integer.toString(I2L), Integer.toString(LADD), Integer.toString(L2I));
        assertThat(through((mv, l) -> {
            mv.visitInsn(I2L);
            mv.visitLabel(l[0]);
            mv.visitInsn(L2I);
        })).containsExactly(Integer.toString(I2L), "L0:", Integer.toString(L2I));
    }

    @Test
    void heldJumpsAreWrittenAtTheEnd() {
        assertThat(through((mv, l) -> {
            mv.visitJumpInsn(IFGT, l[2]);
            mv.visitJumpInsn(GOTO, l[1]);
        })).containsExactly(IFGT + ">L2", GOTO + ">L1");
    }
}
