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

    /** Pushes the guest address {@code x[r1] + imm} masked to the address width. */
    private static void address(Gen g, int r1, long imm) {
        g.loadReg(r1);
        if (imm != 0) {
            g.lconst(imm);
            g.mv.visitInsn(LADD);
        }
        g.maskAddr();
    }

    /**
     * Jumps to {@code slow} unless the access is to a page present in {@code pages} (RAM without flags) and stays in
     * it; leaves the page in PG and the offset in it in PO. RV32 computes in ints (the int wraps like the guest's
     * 32-bit address; RAM is at most 2 GiB, so an address outside it has an offset of at least {@code size} as an
     * unsigned int), and the check against {@code pages.length} is the array's own bounds check, which C2 then
     * drops. RV64: the offset's page number against the (constant) page count.
     */
    private static void fastCheck(Gen g, int r1, long imm, int len, int pagesSlot, Label slow) {
        MethodVisitor mv = g.mv;
        if (g.rv32) {
            g.loadInt(r1);
            g.iconst((int) imm - (int) g.base);
            mv.visitInsn(IADD);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, PO);
            g.iconst(12);
            mv.visitInsn(IUSHR);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, PI);
            mv.visitVarInsn(ALOAD, pagesSlot);
            mv.visitInsn(ARRAYLENGTH);
            unsignedAtLeast(mv, slow);
        } else {
            g.loadReg(r1);
            g.lconst(imm - g.base);
            mv.visitInsn(LADD);
            mv.visitInsn(DUP2);
            mv.visitInsn(L2I);
            mv.visitVarInsn(ISTORE, PO);
            g.iconst(12);
            mv.visitInsn(LUSHR);
            mv.visitInsn(DUP2);
            mv.visitInsn(L2I);
            mv.visitVarInsn(ISTORE, PI);
            g.lconst(g.size >>> 12);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFGE, slow);
        }
        mv.visitVarInsn(ILOAD, PO);
        g.iconst(4095);
        mv.visitInsn(IAND);
        mv.visitVarInsn(ISTORE, PO);
        mv.visitVarInsn(ALOAD, pagesSlot);
        mv.visitVarInsn(ILOAD, PI);
        mv.visitInsn(AALOAD);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, PG);
        mv.visitJumpInsn(IFNULL, slow);
        if (len > 1) {
            // inside the page (pages are 4096 bytes): the very test the VarHandle makes, which C2 then drops
            mv.visitVarInsn(ILOAD, PO);
            mv.visitVarInsn(ALOAD, PG);
            mv.visitInsn(ARRAYLENGTH);
            g.iconst(len - 1);
            mv.visitInsn(ISUB);
            unsignedAtLeast(mv, slow);
        }
    }

    /** Two ints a, b: jumps to {@code slow} when a >= b unsigned (C2's own form of an array bounds check). */
    private static void unsignedAtLeast(MethodVisitor mv, Label slow) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
        mv.visitJumpInsn(IFGE, slow);
    }

    private static void pageOffset(Gen g) {
        g.mv.visitVarInsn(ILOAD, PO);
    }

    /** The slow path's (and the probes') address in A. */
    private static void storeAddress(Gen g, int r1, long imm) {
        address(g, r1, imm);
        g.mv.visitVarInsn(LSTORE, A);
    }

    static void load(Gen g, int k, int i, int op, int rd, int r1, long imm) {
        MethodVisitor mv = g.mv;
        int len = len(op);
        Label slow = new Label();
        Label done = new Label();
        boolean probed = Probe.mem(g, k, i);
        if (probed) {
            storeAddress(g, r1, imm);
        }
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
        storeAddress(g, r1, imm);
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
        boolean probed = Probe.mem(g, k, i);
        if (probed) {
            storeAddress(g, r1, imm);
        }
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
        if (probed) {
            g.loadReg(r2);
            mv.visitVarInsn(LSTORE, V);
            Probe.memCall(g, k, i);
        }
        mv.visitJumpInsn(GOTO, done);

        mv.visitLabel(slow);
        storeAddress(g, r1, imm);
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
