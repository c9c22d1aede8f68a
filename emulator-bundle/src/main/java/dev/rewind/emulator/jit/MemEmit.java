package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.isa.Op;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Loads and stores: the interpreter's fast path inline (one tag compare: address inside RAM, access inside one
 * page, page on the fast path for loads or stores; then a little-endian VarHandle access to the flat RAM array),
 * otherwise the region leaves before the access ({@link Gen#exitBefore}) and the interpreter does it on the bus's
 * slow path (MMIO, watched pages, page crossings, faults: rare in loops). No call per access: each was a call site
 * with its debug state, the cut check and the page caches' reset after it, which C1 compiled (C2 made them traps);
 * without them and without one trap range over the whole region ({@link TrapRanges}) CoreMark-2k-rv32's regions took
 * C1 a third less time (0.29 s -> 0.19 s, compiled alone) and half the machine code. Regions with probes keep the
 * call through {@code JitCode.load/store}, followed by the cut check.
 */
final class MemEmit {
    private MemEmit() {
    }

    static final String MEM = "dev/rewind/emulator/mem/PhysicalMemory";
    static final String VH = "java/lang/invoke/VarHandle";
    static final String D_VH = "L" + VH + ";";

    static int len(int op) {
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

    /** The region's entry: see {@link MemEntry#locals}. */
    static void locals(Gen g) {
        MemEntry.locals(g);
    }

    /**
     * Jumps to {@code slow} unless the access is on the fast path, {@code tags[p & (tags.length - 1)] == q} for the
     * page numbers p of its first byte and q of its last (the page's flags, crossings and RAM bounds in one compare:
     * the tables have the page count rounded up to a power of two, a page past RAM reads a lower page's tag or -1, see
     * {@code PhysicalMemory}); leaves the RAM index in PO. RV32 computes in ints (the int wraps like the guest's
     * 32-bit address; an offset is an unsigned int, its page number below 2^20). RV64 takes the index from the low
     * 20 bits of the page number and compares the tag with q as longs, which rejects an offset of 4 GiB or more. No
     * explicit bounds compare and no {@code compareUnsigned}: C2 did not merge a signed compare with the array's own
     * check, and C1 gives every merge point of a branch diamond phis for all the region's register locals (it ran out
     * of virtual registers); the mask's range check C2 folds away.
     */
    static void fastCheck(Gen g, int r1, long imm, int len, int tagsSlot, Label slow) {
        MethodVisitor mv = g.mv;
        if (g.rv32) {
            g.ramOffset(r1, imm);
            g.iconst(12);
            mv.visitInsn(IUSHR);
            mv.visitVarInsn(ISTORE, PI);
            MemEntry.tags(g, tagsSlot);
            mv.visitVarInsn(ILOAD, PI);
            mask(g, tagsSlot);
            mv.visitInsn(IALOAD);
            if (len == 1) {
                mv.visitVarInsn(ILOAD, PI);
                mv.visitJumpInsn(IF_ICMPNE, slow);
            } else {
                mv.visitVarInsn(ILOAD, PO);
                g.iconst(len - 1);
                mv.visitInsn(IADD);
                g.iconst(12);
                mv.visitInsn(IUSHR);
                mv.visitJumpInsn(IF_ICMPNE, slow);
            }
            return;
        }
        g.ramOffset(r1, imm);
        if (len > 1) {
            g.lconst(len - 1);
            mv.visitInsn(LADD);
        }
        g.iconst(12);
        mv.visitInsn(LUSHR);                        // q
        MemEntry.tags(g, tagsSlot);
        mv.visitVarInsn(ILOAD, PO);
        g.iconst(12);
        mv.visitInsn(IUSHR);                        // p's low 20 bits
        mask(g, tagsSlot);
        mv.visitInsn(IALOAD);
        mv.visitInsn(I2L);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFNE, slow);
    }

    /**
     * {@code index & (tags.length - 1)}: C2 folds the array's range check of this index into {@code tags.length > 0}
     * (BoolNode's {@code (x & (m - 1)) u< m}), which it checks once for all accesses to the table.
     */
    static void mask(Gen g, int tagsSlot) {
        MethodVisitor mv = g.mv;
        MemEntry.tags(g, tagsSlot);
        mv.visitInsn(ARRAYLENGTH);
        mv.visitInsn(ICONST_M1);
        mv.visitInsn(IADD);
        mv.visitInsn(IAND);
    }

    /** The RAM index in local po (PO, or a group's) + delta (an access's distance from its group's first byte). */
    private static void pageOffset(Gen g, int po, int delta) {
        g.mv.visitVarInsn(ILOAD, po);
        if (delta != 0) {
            g.iconst(delta);
            g.mv.visitInsn(IADD);
        }
    }

    /** Pushes the value (a long, sign/zero extended like op) of the fast load at RAM index po + delta. */
    static void loadValue(Gen g, int op, int po, int delta) {
        MethodVisitor mv = g.mv;
        int len = len(op);
        switch (len) {
            case 1 -> {
                MemEntry.ram(g);
                pageOffset(g, po, delta);
                mv.visitInsn(BALOAD);
                if (op == Op.LBU) {
                    g.iconst(0xFF);
                    mv.visitInsn(IAND);
                }
                mv.visitInsn(I2L);
            }
            case 2 -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I16", D_VH);
                MemEntry.ram(g);
                pageOffset(g, po, delta);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "get", "([BI)S", false);
                if (op == Op.LHU) {
                    g.iconst(0xFFFF);
                    mv.visitInsn(IAND);
                }
                mv.visitInsn(I2L);
            }
            case 4 -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I32", D_VH);
                MemEntry.ram(g);
                pageOffset(g, po, delta);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "get", "([BI)I", false);
                mv.visitInsn(I2L);
                if (op == Op.LWU) {
                    g.lconst(0xFFFFFFFFL);
                    mv.visitInsn(LAND);
                }
            }
            default -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I64", D_VH);
                MemEntry.ram(g);
                pageOffset(g, po, delta);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "get", "([BI)J", false);
            }
        }
    }

    /** The fast store of x[r2] at RAM index po + delta. */
    static void storeValue(Gen g, int op, int r2, int po, int delta) {
        MethodVisitor mv = g.mv;
        int len = len(op);
        switch (len) {
            case 1 -> {
                MemEntry.ram(g);
                pageOffset(g, po, delta);
                g.loadReg(r2);
                mv.visitInsn(L2I);
                mv.visitInsn(BASTORE);
            }
            case 2 -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I16", D_VH);
                MemEntry.ram(g);
                pageOffset(g, po, delta);
                g.loadReg(r2);
                mv.visitInsn(L2I);
                mv.visitInsn(I2S);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "set", "([BIS)V", false);
            }
            case 4 -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I32", D_VH);
                MemEntry.ram(g);
                pageOffset(g, po, delta);
                g.loadReg(r2);
                mv.visitInsn(L2I);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "set", "([BII)V", false);
            }
            default -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I64", D_VH);
                MemEntry.ram(g);
                pageOffset(g, po, delta);
                g.loadReg(r2);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "set", "([BIJ)V", false);
            }
        }
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
        if (!probed) {
            MemGroups.member(g, k, i, op, rd, imm, true, done);
        }
        if (g.caches.slot(k, i) >= 0) {
            g.caches.check(g, r1, imm, len, g.caches.slot(k, i), LP, slow);
        } else {
            fastCheck(g, r1, imm, len, LP, slow);
        }
        loadValue(g, op, PO, 0);
        if (probed) {
            mv.visitInsn(DUP2);
            mv.visitVarInsn(LSTORE, V);
        }
        g.storeReg(rd);
        if (probed) {
            Probe.memCall(g, k, i);
        }
        mv.visitJumpInsn(GOTO, done);
        g.caches.missed();
        mv.visitLabel(slow);
        if (g.probes) {
            slowLoad(g, k, i, op, rd, r1, imm, probed);
        } else {
            g.exitBefore(k, i);
        }
        mv.visitLabel(done);
    }

    /**
     * The slow path of an access in a region with probes: the bus through {@code JitCode.load}, the callback if the
     * access has one ({@code probed}), the cut check (probed regions have no page caches to reset). Leaving before the
     * access would split the block where the interpreter does not (its block callbacks would see two blocks).
     */
    private static void slowLoad(Gen g, int k, int i, int op, int rd, int r1, long imm, boolean probed) {
        MethodVisitor mv = g.mv;
        storeAddress(g, r1, imm);
        g.setCur(k, i);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, H);
        mv.visitVarInsn(LLOAD, A);
        g.iconst(len(op));
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
        if (!probed) {
            MemGroups.member(g, k, i, op, r2, imm, false, done);
        }
        if (g.caches.slot(k, i) >= 0) {
            g.caches.check(g, r1, imm, len, g.caches.slot(k, i), SP, slow);
        } else {
            fastCheck(g, r1, imm, len, SP, slow);
        }
        storeValue(g, op, r2, PO, 0);
        if (probed) {
            g.loadReg(r2);
            mv.visitVarInsn(LSTORE, V);
            Probe.memCall(g, k, i);
        }
        mv.visitJumpInsn(GOTO, done);
        g.caches.missed();
        mv.visitLabel(slow);
        if (g.probes) {
            slowStore(g, k, i, op, r1, r2, imm, probed);
        } else {
            g.exitBefore(k, i);
        }
        mv.visitLabel(done);
    }

    /** As {@link #slowLoad}, through {@code JitCode.store}. */
    private static void slowStore(Gen g, int k, int i, int op, int r1, int r2, long imm, boolean probed) {
        MethodVisitor mv = g.mv;
        storeAddress(g, r1, imm);
        g.setCur(k, i);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, H);
        mv.visitVarInsn(LLOAD, A);
        g.iconst(len(op));
        g.loadReg(r2);
        g.idx(i);
        mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "store", "(" + D_HART + "JIJJ)V", false);
        if (probed) {
            g.loadReg(r2);
            mv.visitVarInsn(LSTORE, V);
            Probe.memCall(g, k, i);
        }
        g.cutCheck(k, i);
    }
}
