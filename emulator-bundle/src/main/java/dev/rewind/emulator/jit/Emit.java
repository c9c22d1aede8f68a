package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.isa.Op;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits one non-control instruction: integer ALU and M ops inline, loads and stores through
 * {@link MemEmit}, atomics through the machine's slow path. Each case is the bytecode of the interpreter's
 * Java expression for that op.
 */
final class Emit {
    private Emit() {
    }

    static void insn(Gen g, int k, int i) {
        MethodVisitor mv = g.mv;
        BlockSpec b = g.blocks.get(k);
        int w = b.code()[i];
        long imm = b.imm()[i];
        int op = w & 0xFF;
        int rd = (w >>> 8) & 63;
        int r1 = (w >>> 16) & 63;
        int r2 = (w >>> 24) & 63;
        if (g.rv32 ? EmitInt.insn(g, k, i) : g.narrowed && EmitInt.insn64(g, k, i)) {
            return;
        }
        switch (op) {
            case Op.LUI, Op.AUIPC -> {
                if (rd == 32) {
                    return;
                }
                g.lconst(imm);
            }
            case Op.ADDI -> rI(g, r1, imm, LADD);
            case Op.ADDIW -> {
                rI(g, r1, imm, LADD);
                toInt(mv);
            }
            case Op.SLTI -> {
                g.loadReg(r1);
                g.lconst(imm);
                lessThan(mv);
            }
            case Op.SLTIU -> {
                g.loadReg(r1);
                g.lconst(imm);
                unsignedLessThan(mv);
            }
            case Op.XORI -> rI(g, r1, imm, LXOR);
            case Op.ORI -> rI(g, r1, imm, LOR);
            case Op.ANDI -> rI(g, r1, imm, LAND);
            case Op.SLLI -> shiftI(g, r1, imm, LSHL);
            case Op.SRLI -> shiftI(g, r1, imm, LUSHR);
            case Op.SRAI -> shiftI(g, r1, imm, LSHR);
            case Op.SLLIW, Op.SRLIW, Op.SRAIW -> {
                g.loadReg(r1);
                mv.visitInsn(L2I);
                g.iconst((int) imm);
                mv.visitInsn(op == Op.SLLIW ? ISHL : op == Op.SRLIW ? IUSHR : ISHR);
                mv.visitInsn(I2L);
            }
            case Op.ADD -> rr(g, r1, r2, LADD);
            case Op.SUB -> rr(g, r1, r2, LSUB);
            case Op.XOR -> rr(g, r1, r2, LXOR);
            case Op.OR -> rr(g, r1, r2, LOR);
            case Op.AND -> rr(g, r1, r2, LAND);
            case Op.MUL -> rr(g, r1, r2, LMUL);
            case Op.SLL, Op.SRL, Op.SRA -> {
                g.loadReg(r1);
                g.loadReg(r2);
                mv.visitInsn(L2I);
                mv.visitInsn(op == Op.SLL ? LSHL : op == Op.SRL ? LUSHR : LSHR);
            }
            case Op.SLT -> {
                g.loadReg(r1);
                g.loadReg(r2);
                lessThan(mv);
            }
            case Op.SLTU -> {
                g.loadReg(r1);
                g.loadReg(r2);
                unsignedLessThan(mv);
            }
            case Op.ADDW, Op.SUBW, Op.MULW -> {
                rr(g, r1, r2, op == Op.ADDW ? LADD : op == Op.SUBW ? LSUB : LMUL);
                toInt(mv);
            }
            case Op.SLLW, Op.SRLW, Op.SRAW -> {
                g.loadReg(r1);
                mv.visitInsn(L2I);
                g.loadReg(r2);
                mv.visitInsn(L2I);
                mv.visitInsn(op == Op.SLLW ? ISHL : op == Op.SRLW ? IUSHR : ISHR);
                mv.visitInsn(I2L);
            }
            case Op.MULH -> math(g, r1, r2, "multiplyHigh");
            case Op.MULHU -> math(g, r1, r2, "unsignedMultiplyHigh");
            case Op.MULHSU -> {
                math(g, r1, r2, "multiplyHigh");
                g.loadReg(r1);
                g.loadReg(r2);
                g.iconst(63);
                mv.visitInsn(LSHR);
                mv.visitInsn(LAND);
                mv.visitInsn(LADD);
            }
            case Op.MULH32 -> {
                rr(g, r1, r2, LMUL);
                g.iconst(32);
                mv.visitInsn(LSHR);
                toInt(mv);
            }
            case Op.MULHU32 -> {
                g.loadReg(r1);
                g.lconst(0xFFFFFFFFL);
                mv.visitInsn(LAND);
                g.loadReg(r2);
                g.lconst(0xFFFFFFFFL);
                mv.visitInsn(LAND);
                mv.visitInsn(LMUL);
                g.iconst(32);
                mv.visitInsn(LUSHR);
                toInt(mv);
            }
            case Op.MULHSU32 -> {
                g.loadReg(r1);
                g.loadReg(r2);
                g.lconst(0xFFFFFFFFL);
                mv.visitInsn(LAND);
                mv.visitInsn(LMUL);
                g.iconst(32);
                mv.visitInsn(LSHR);
                toInt(mv);
            }
            case Op.DIV, Op.DIVU, Op.REM, Op.REMU, Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW -> {
                g.iconst(op);
                g.loadReg(r1);
                g.loadReg(r2);
                mv.visitMethodInsn(INVOKESTATIC, CPU + "Alu", "divide", "(IJJ)J", false);
            }
            case Op.LB, Op.LH, Op.LW, Op.LD, Op.LBU, Op.LHU, Op.LWU -> {
                MemEmit.load(g, k, i, op, rd, r1, imm);
                return;
            }
            case Op.SB, Op.SH, Op.SW, Op.SD -> {
                MemEmit.store(g, k, i, op, r1, r2, imm);
                return;
            }
            case Op.FENCE -> {
                return;
            }
            default -> {
                if (op >= Op.LR_W && op <= Op.AMOMAXU_D) {
                    amo(g, k, i, op, rd, r1, r2);
                    return;
                }
                throw new IllegalArgumentException("op " + op + " cannot be translated inside a block");
            }
        }
        g.storeReg(rd);
    }

    private static void amo(Gen g, int k, int i, int op, int rd, int r1, int r2) {
        MethodVisitor mv = g.mv;
        boolean probed = Probe.mem(g, k, i);
        boolean sc = op == Op.SC_W || op == Op.SC_D;
        if (probed) {
            g.loadReg(r1);
            mv.visitVarInsn(LSTORE, A);
            if (sc) {
                g.loadReg(r2);
                mv.visitVarInsn(LSTORE, V);
            }
        }
        g.setCur(k, i);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, H);
        g.iconst(op);
        g.loadReg(r1);
        g.loadReg(r2);
        g.idx(i);
        mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "amo", "(" + D_HART + "IJJJ)J", false);
        g.caches.reset(g); // an AMO, LR or SC may change tags (a reservation)
        if (probed && !sc) {
            mv.visitInsn(DUP2);
            mv.visitVarInsn(LSTORE, V);
        }
        g.storeReg(rd);
        if (probed) {
            Probe.memCall(g, k, i);
        }
        g.cutCheck(k, i);
    }

    private static void rI(Gen g, int r1, long imm, int insn) {
        g.loadReg(r1);
        g.lconst(imm);
        g.mv.visitInsn(insn);
    }

    private static void rr(Gen g, int r1, int r2, int insn) {
        g.loadReg(r1);
        g.loadReg(r2);
        g.mv.visitInsn(insn);
    }

    private static void shiftI(Gen g, int r1, long imm, int insn) {
        g.loadReg(r1);
        g.iconst((int) imm);
        g.mv.visitInsn(insn);
    }

    private static void math(Gen g, int r1, int r2, String name) {
        g.loadReg(r1);
        g.loadReg(r2);
        g.mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", name, "(JJ)J", false);
    }

    /** long → (long) (int) long */
    private static void toInt(MethodVisitor mv) {
        mv.visitInsn(L2I);
        mv.visitInsn(I2L);
    }

    /**
     * Two longs a, b → (a < b unsigned ? 1L : 0L): the sign bit of Long.compareUnsigned, which C2 compiles to one
     * unsigned compare (flipping both sign bits first cost two 64-bit constants and xors).
     */
    private static void unsignedLessThan(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
        mv.visitIntInsn(BIPUSH, 31);
        mv.visitInsn(IUSHR);
        mv.visitInsn(I2L);
    }

    /** Two longs a, b → (a < b ? 1L : 0L): lcmp gives -1/0/1 and -1 >>> 31 is 1. */
    private static void lessThan(MethodVisitor mv) {
        mv.visitInsn(LCMP);
        mv.visitIntInsn(BIPUSH, 31);
        mv.visitInsn(IUSHR);
        mv.visitInsn(I2L);
    }
}
