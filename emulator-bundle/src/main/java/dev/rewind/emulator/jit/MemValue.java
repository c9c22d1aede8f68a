package dev.rewind.emulator.jit;

import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.isa.Op;
import org.objectweb.asm.MethodVisitor;

/** The values of fast loads and stores at a RAM index ({@link MemEmit}, {@link MemGroups}). */
final class MemValue {
    private MemValue() {
    }

    private static final String MEM = MemEmit.MEM;
    private static final String VH = MemEmit.VH;
    private static final String D_VH = MemEmit.D_VH;

    /**
     * Loads of 32 bits or less into int register locals (every RV32 register, RV64's narrow ones) store the loaded
     * int without {@code i2l} and {@code l2i} (-Drewind.jit.intLoads=false: through a long); the same machine code,
     * smaller bytecode.
     */
    static final boolean INT_LOADS = !"false".equals(System.getProperty("rewind.jit.intLoads"));

    /** Whether the fast load op goes to register rd as an int ({@link #INT_LOADS}): see {@link MemEmit#load}. */
    static boolean asInt(Gen g, int op, int rd) {
        return INT_LOADS && MemEmit.len(op) <= 4 && op != Op.LWU && rd != 0 && rd != 32 && !g.cold[rd] && g.intLocal(rd);
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
        loadValue(g, op, po, delta, false);
    }

    /** {@link #loadValue}, with {@code asInt} an int (ops of 32 bits or less, not LWU): see {@link #asInt}. */
    static void loadValue(Gen g, int op, int po, int delta, boolean asInt) {
        MethodVisitor mv = g.mv;
        int len = MemEmit.len(op);
        switch (len) {
            case 1 -> {
                MemEntry.ram(g);
                pageOffset(g, po, delta);
                mv.visitInsn(BALOAD);
                if (op == Op.LBU) {
                    g.iconst(0xFF);
                    mv.visitInsn(IAND);
                }
                widen(mv, asInt);
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
                widen(mv, asInt);
            }
            case 4 -> {
                mv.visitFieldInsn(GETSTATIC, MEM, "I32", D_VH);
                MemEntry.ram(g);
                pageOffset(g, po, delta);
                mv.visitMethodInsn(INVOKEVIRTUAL, VH, "get", "([BI)I", false);
                if (asInt) {
                    return;
                }
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

    private static void widen(MethodVisitor mv, boolean asInt) {
        if (!asInt) {
            mv.visitInsn(I2L);
        }
    }

    /** The fast store of x[r2] at RAM index po + delta. */
    static void storeValue(Gen g, int op, int r2, int po, int delta) {
        MethodVisitor mv = g.mv;
        int len = MemEmit.len(op);
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

}
