package dev.rewind.emulator.jit;

import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.isa.Op;
import org.objectweb.asm.MethodVisitor;

/**
 * RV32's integer ops in int arithmetic: registers live in int locals there ({@link Gen#loadReg}), and an RV32
 * register's long value is its low 32 bits sign-extended, so the int result of each op is exactly the interpreter's
 * long result narrowed (shifts use the low 5 bits of the amount on both). C2 does not narrow the long expressions of
 * {@link Emit} by itself: they would cost a sign extension per operand. Other ops (MULH*, division) take Emit's path.
 */
final class EmitInt {
    private EmitInt() {
    }

    /**
     * RV64: emits instruction i of block k in int arithmetic when it involves a narrow register ({@link Narrow}) and
     * its int form is exact: a W op (it reads its operands' low words), or a bitwise op or comparison whose register
     * operands are narrow or x0 (on sign-extended 32-bit values they equal their long forms, an unsigned order
     * included); false when not (nothing emitted: {@link Emit}'s long form).
     */
    static final boolean BR = !"false".equals(System.getProperty("rewind.jit.narrowBr"));
    static final boolean OPS = !"false".equals(System.getProperty("rewind.jit.narrowOps"));

    static boolean insn64(Gen g, int k, int i) {
        BlockSpec b = g.blocks.get(k);
        int w = b.code()[i];
        int op = w & 0xFF;
        int rd = (w >>> 8) & 63;
        int r1 = (w >>> 16) & 63;
        int r2 = (w >>> 24) & 63;
        boolean d = rd < 32 && g.narrow[rd];
        boolean ok = switch (op) {
            case Op.ADDIW, Op.SLLIW, Op.SRLIW, Op.SRAIW -> d || g.narrow[r1];
            case Op.ADDW, Op.SUBW, Op.MULW, Op.SLLW, Op.SRLW, Op.SRAW -> d || g.narrow[r1] || g.narrow[r2];
            case Op.XORI, Op.ORI, Op.ANDI, Op.SLTI, Op.SLTIU ->
                    b.imm()[i] == (int) b.imm()[i] && g.isInt(r1) && (d || g.narrow[r1]);
            case Op.XOR, Op.OR, Op.AND, Op.SLT, Op.SLTU ->
                    g.isInt(r1) && g.isInt(r2) && (d || g.narrow[r1] || g.narrow[r2]);
            default -> false;
        };
        return ok && OPS && insn(g, k, i);
    }

    /** Emits instruction i of block k if it is an RV32 op with an int form; false when it is not (nothing emitted). */
    static boolean insn(Gen g, int k, int i) {
        MethodVisitor mv = g.mv;
        BlockSpec b = g.blocks.get(k);
        int w = b.code()[i];
        int imm = (int) b.imm()[i];
        int op = w & 0xFF;
        int rd = (w >>> 8) & 63;
        int r1 = (w >>> 16) & 63;
        int r2 = (w >>> 24) & 63;
        switch (op) {
            case Op.LUI, Op.AUIPC -> g.iconst(imm);
            case Op.ADDIW -> rI(g, r1, imm, IADD);
            case Op.XORI -> rI(g, r1, imm, IXOR);
            case Op.ORI -> rI(g, r1, imm, IOR);
            case Op.ANDI -> rI(g, r1, imm, IAND);
            case Op.SLLIW -> rI(g, r1, imm, ISHL);
            case Op.SRLIW -> rI(g, r1, imm, IUSHR);
            case Op.SRAIW -> rI(g, r1, imm, ISHR);
            case Op.SLTI, Op.SLTIU -> {
                g.loadInt(r1);
                g.iconst(imm);
                lessThan(mv, op == Op.SLTIU);
            }
            case Op.ADDW -> rr(g, r1, r2, IADD);
            case Op.SUBW -> rr(g, r1, r2, ISUB);
            case Op.XOR -> rr(g, r1, r2, IXOR);
            case Op.OR -> rr(g, r1, r2, IOR);
            case Op.AND -> rr(g, r1, r2, IAND);
            case Op.MULW -> rr(g, r1, r2, IMUL);
            case Op.SLLW -> rr(g, r1, r2, ISHL);
            case Op.SRLW -> rr(g, r1, r2, IUSHR);
            case Op.SRAW -> rr(g, r1, r2, ISHR);
            case Op.SLT, Op.SLTU -> {
                g.loadInt(r1);
                g.loadInt(r2);
                lessThan(mv, op == Op.SLTU);
            }
            default -> {
                return false;
            }
        }
        g.storeInt(rd);
        return true;
    }

    private static void rI(Gen g, int r1, int imm, int insn) {
        g.loadInt(r1);
        g.iconst(imm);
        g.mv.visitInsn(insn);
    }

    private static void rr(Gen g, int r1, int r2, int insn) {
        g.loadInt(r1);
        g.loadInt(r2);
        g.mv.visitInsn(insn);
    }

    /** Two ints a, b → (a < b ? 1 : 0), signed or unsigned: the sign bit of Integer.compare(Unsigned). */
    private static void lessThan(MethodVisitor mv, boolean unsigned) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", unsigned ? "compareUnsigned" : "compare", "(II)I", false);
        mv.visitIntInsn(BIPUSH, 31);
        mv.visitInsn(IUSHR);
    }
}
