package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.isa.Op;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Loads and stores: the interpreter's fast path inline (address inside RAM, access inside one page, page
 * present in {@code loadPages}/{@code storePages}, little-endian VarHandle access), otherwise the bus slow
 * path through {@code JitCode.load/store} followed by the cut check.
 */
final class MemEmit {
    private MemEmit() {
    }

    private static final String MEM = "dev/rewind/emulator/mem/PhysicalMemory";
    private static final String VH = "java/lang/invoke/VarHandle";
    private static final String D_VH = "L" + VH + ";";

    private static int len(int op) {
        return switch (op) {
            case Op.LB, Op.LBU, Op.SB -> 1;
            case Op.LH, Op.LHU, Op.SH -> 2;
            case Op.LW, Op.LWU, Op.SW -> 4;
            default -> 8;
        };
    }

    /** Computes the address into A and jumps to {@code slow} unless the fast path applies; leaves the page in PG. */
    private static void fastCheck(Gen g, int r1, long imm, int len, int pagesSlot, Label slow) {
        MethodVisitor mv = g.mv;
        g.loadReg(r1);
        if (imm != 0) {
            g.lconst(imm);
            mv.visitInsn(LADD);
        }
        g.maskAddr();
        mv.visitInsn(DUP2);
        mv.visitVarInsn(LSTORE, A);
        g.lconst(g.base);
        mv.visitInsn(LSUB);
        mv.visitInsn(DUP2);
        mv.visitVarInsn(LSTORE, OFF);
        g.lconst(Long.MIN_VALUE);
        mv.visitInsn(LXOR);
        g.lconst(g.size ^ Long.MIN_VALUE);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFGE, slow);
        if (len > 1) {
            pageOffset(g);
            g.iconst(4096 - len);
            mv.visitJumpInsn(IF_ICMPGT, slow);
        }
        mv.visitVarInsn(ALOAD, pagesSlot);
        mv.visitVarInsn(LLOAD, OFF);
        g.iconst(12);
        mv.visitInsn(LUSHR);
        mv.visitInsn(L2I);
        mv.visitInsn(AALOAD);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, PG);
        mv.visitJumpInsn(IFNULL, slow);
    }

    private static void pageOffset(Gen g) {
        g.mv.visitVarInsn(LLOAD, OFF);
        g.mv.visitInsn(L2I);
        g.iconst(4095);
        g.mv.visitInsn(IAND);
    }

    static void load(Gen g, int k, int i, int op, int rd, int r1, long imm) {
        MethodVisitor mv = g.mv;
        int len = len(op);
        Label slow = new Label();
        Label done = new Label();
        fastCheck(g, r1, imm, len, LP, slow);
        switch (len) {
            case 1 -> {
                mv.visitVarInsn(ALOAD, PG);
                pageOffset(g);
                mv.visitInsn(BALOAD);
                if (op == Op.LBU) {
                    g.iconst(0xFF);
                    mv.visitInsn(IAND);
                }
                mv.visitInsn(I2L);
            }
            case 2 -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I16", D_VH);
                mv.visitVarInsn(ALOAD, PG);
                pageOffset(g);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "get", "([BI)S", false);
                if (op == Op.LHU) {
                    g.iconst(0xFFFF);
                    mv.visitInsn(IAND);
                }
                mv.visitInsn(I2L);
            }
            case 4 -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I32", D_VH);
                mv.visitVarInsn(ALOAD, PG);
                pageOffset(g);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "get", "([BI)I", false);
                mv.visitInsn(I2L);
                if (op == Op.LWU) {
                    g.lconst(0xFFFFFFFFL);
                    mv.visitInsn(LAND);
                }
            }
            default -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I64", D_VH);
                mv.visitVarInsn(ALOAD, PG);
                pageOffset(g);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "get", "([BI)J", false);
            }
        }
        boolean probed = Probe.mem(g, k, i);
        if (probed) {
            mv.visitInsn(DUP2);
            mv.visitVarInsn(LSTORE, V);
        }
        g.storeReg(rd);
        if (probed) {
            Probe.memCall(g, k, i);
        }
        mv.visitJumpInsn(GOTO, done);

        mv.visitLabel(slow);
        g.setCur(k, i);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, H);
        mv.visitVarInsn(LLOAD, A);
        g.iconst(len);
        g.idx(i);
        mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "load", "(" + D_HART + "JIJ)J", false);
        switch (op) {
            case Op.LB -> {
                mv.visitInsn(L2I);
                mv.visitInsn(I2B);
                mv.visitInsn(I2L);
            }
            case Op.LH -> {
                mv.visitInsn(L2I);
                mv.visitInsn(I2S);
                mv.visitInsn(I2L);
            }
            case Op.LW -> {
                mv.visitInsn(L2I);
                mv.visitInsn(I2L);
            }
            case Op.LBU, Op.LHU, Op.LWU -> {
                g.lconst(op == Op.LBU ? 0xFFL : op == Op.LHU ? 0xFFFFL : 0xFFFFFFFFL);
                mv.visitInsn(LAND);
            }
            default -> {
            }
        }
        if (probed) {
            mv.visitInsn(DUP2);
            mv.visitVarInsn(LSTORE, V);
        }
        g.storeReg(rd);
        if (probed) {
            Probe.memCall(g, k, i);
        }
        g.cutCheck(k, i);
        mv.visitLabel(done);
    }

    static void store(Gen g, int k, int i, int op, int r1, int r2, long imm) {
        MethodVisitor mv = g.mv;
        int len = len(op);
        Label slow = new Label();
        Label done = new Label();
        fastCheck(g, r1, imm, len, SP, slow);
        switch (len) {
            case 1 -> {
                mv.visitVarInsn(ALOAD, PG);
                pageOffset(g);
                g.loadReg(r2);
                mv.visitInsn(L2I);
                mv.visitInsn(BASTORE);
            }
            case 2 -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I16", D_VH);
                mv.visitVarInsn(ALOAD, PG);
                pageOffset(g);
                g.loadReg(r2);
                mv.visitInsn(L2I);
                mv.visitInsn(I2S);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "set", "([BIS)V", false);
            }
            case 4 -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I32", D_VH);
                mv.visitVarInsn(ALOAD, PG);
                pageOffset(g);
                g.loadReg(r2);
                mv.visitInsn(L2I);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "set", "([BII)V", false);
            }
            default -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I64", D_VH);
                mv.visitVarInsn(ALOAD, PG);
                pageOffset(g);
                g.loadReg(r2);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "set", "([BIJ)V", false);
            }
        }
        boolean probed = Probe.mem(g, k, i);
        if (probed) {
            g.loadReg(r2);
            mv.visitVarInsn(LSTORE, V);
            Probe.memCall(g, k, i);
        }
        mv.visitJumpInsn(GOTO, done);

        mv.visitLabel(slow);
        g.setCur(k, i);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, H);
        mv.visitVarInsn(LLOAD, A);
        g.iconst(len);
        g.loadReg(r2);
        g.idx(i);
        mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "store", "(" + D_HART + "JIJJ)V", false);
        if (probed) {
            g.loadReg(r2);
            mv.visitVarInsn(LSTORE, V);
            Probe.memCall(g, k, i);
        }
        g.cutCheck(k, i);
        mv.visitLabel(done);
    }
}
