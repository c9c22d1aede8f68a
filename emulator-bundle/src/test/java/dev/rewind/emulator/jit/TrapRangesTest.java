package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.isa.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The shape of a region's {@code run} ({@link TrapRanges}, {@link MemEmit}): the trap handler's ranges cover exactly
 * the calls that may throw a guest trap (not array accesses, field reads or VarHandle calls), and loads and stores
 * make no calls (a slow one leaves the region). What they execute the differential tests check.
 */
class TrapRangesTest {

    static final long PC = 0x8000_0000L;

    /** A loop: lw, sw, an AMO (a call that may trap), a branch back. */
    static List<BlockSpec> loop() {
        int[] code = {Op.LW | 11 << 8 | 10 << 16, Op.SW | 10 << 16 | 11 << 24, Op.AMOADD_W | 12 << 8 | 10 << 16 | 11 << 24,
            Op.ADDI | 10 << 8 | 10 << 16, Op.BNE | 10 << 16 | 13 << 24};
        long[] imm = {0, 4, 0, 8, -16};
        int[] offs = {0, 4, 8, 12, 16, 20};
        List<BlockSpec> out = new ArrayList<>();
        out.add(new BlockSpec(PC, code, imm, offs, PC + 20, PC + 20, false, null));
        return out;
    }

    /** What {@code run} holds: calls inside and outside the trap ranges, and array/field reads inside them. */
    static final class Shape extends MethodVisitor {
        final Set<Label> starts = new HashSet<>();
        final Set<Label> ends = new HashSet<>();
        int open;
        final List<String> covered = new ArrayList<>();
        final List<String> uncovered = new ArrayList<>();
        int coveredOthers;

        Shape() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type.endsWith("/Trap")) {
                starts.add(start);
                ends.add(end);
            }
        }

        @Override
        public void visitLabel(Label l) {
            open += (starts.contains(l) ? 1 : 0) - (ends.contains(l) ? 1 : 0);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
            (open > 0 ? covered : uncovered).add(owner.substring(owner.lastIndexOf('/') + 1) + "." + name);
        }

        @Override
        public void visitInsn(int opcode) {
            coveredOthers += open > 0 ? 1 : 0;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String desc) {
            coveredOthers += open > 0 ? 1 : 0;
        }
    }

    static Shape shape(int xlen) {
        byte[] bytes = Translator.translate(loop(), xlen, PC, 1 << 20).bytes();
        Shape s = new Shape();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                return name.equals("run") ? s : null;
            }
        }, 0);
        return s;
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void trapRangesCoverTheCallsOnlyAndAccessesMakeNone() {
        for (int xlen : new int[] {32, 64}) {
            Shape s = shape(xlen);
            assertThat(s.covered).as("RV%d: calls in the trap ranges", xlen).contains("JitCode.amo")
                    .doesNotContain("JitCode.load", "JitCode.store").allMatch(c -> c.startsWith("JitCode."));
            assertThat(s.uncovered).as("RV%d: calls outside them", xlen).contains("VarHandle.get", "VarHandle.set")
                    .doesNotContain("JitCode.amo", "JitCode.load", "JitCode.store");
            assertThat(s.coveredOthers).as("RV%d: array and field instructions in the trap ranges", xlen).isZero();
        }
    }
}
