package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.isa.Op;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Translates a region (decoded blocks, on one or several pages, each an entry point) into the bytes of a class
 * {@code dev.rewind.emulator.cpu.JitRegion extends JitCode} with the constructor {@code (Interpreter, Block[])}
 * and {@code long run(Hart h, long budget, long t0)}. Registers live in locals between the load at entry and
 * the store at the exits; every block starts with the budget check ("a whole block fits, else leave with pc
 * at this block"); direct branches and jumps to blocks of the region are gotos, indirect jumps dispatch on
 * the target (a switch over the region's blocks), every other transfer leaves.
 * Semantics follow the interpreter's hot loop expression for expression. Stateless.
 */
public final class Translator {
    private Translator() {
    }

    /**
     * Callers split regions whose method is larger: HotSpot's C2 skips methods above 8000 bytes (HugeMethodLimit).
     * C1 bails out of large ones ("too many stack slots used", seen from about 4000 bytes), leaving them in the
     * bytecode interpreter until C2 compiles them; with today's region limits (48 blocks, 320 instructions) that is
     * rare, and a 3000-byte limit measured no better. {@code -Drewind.jit.maxCode} overrides it (experiments).
     */
    public static final int MAX_CODE_BYTES = Integer.getInteger("rewind.jit.maxCode", 7800);

    /**
     * @param blocks  the region: distinct blocks, none with breakpoints or callbacks
     * @param xlen    32 or 64
     * @param ramBase RAM base address
     * @param ramSize RAM size in bytes
     */
    public static Result translate(List<BlockSpec> blocks, int xlen, long ramBase, long ramSize) {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("empty region");
        }
        // Class file version 50 without stack map frames: the JVM verifies by type inference, which costs far
        // less than ASM's COMPUTE_FRAMES (translation time was a third of short runs).
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object";
            }
        };
        cw.visit(V1_6, ACC_FINAL | ACC_SUPER, CPU + "JitRegion", null, JITCODE, null);
        String ctorDesc = "(L" + CPU + "Interpreter;[L" + CPU + "Block;)V";
        MethodVisitor c = cw.visitMethod(0, "<init>", ctorDesc, null, null);
        c.visitCode();
        c.visitVarInsn(ALOAD, 0);
        c.visitVarInsn(ALOAD, 1);
        c.visitVarInsn(ALOAD, 2);
        c.visitMethodInsn(INVOKESPECIAL, JITCODE, "<init>", ctorDesc, false);
        c.visitInsn(RETURN);
        c.visitMaxs(0, 0);
        c.visitEnd();

        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "run", "(" + D_HART + "JJ)J", null, null);
        mv.visitCode();
        Gen g = new Gen(mv, blocks, xlen, ramBase, ramSize);
        boolean[] used = new boolean[32];
        boolean[] written = new boolean[32];
        for (BlockSpec b : blocks) {
            for (int w : b.code()) {
                int rd = (w >>> 8) & 63;
                if (rd > 0 && rd < 32) {
                    used[rd] = true;
                    written[rd] = true;
                }
                used[(w >>> 16) & 31] = true;
                used[(w >>> 24) & 31] = true;
            }
        }
        used[0] = false;
        local(mv, H, HART, "x", "[J", ASTORE, X);
        local(mv, THIS, JITCODE, "lp", "[[B", ASTORE, LP);
        local(mv, THIS, JITCODE, "sp", "[[B", ASTORE, SP);
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, USED);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, CUR);
        if (Probe.hasInline(blocks)) {
            // loaded once: a counter's cells array changes only between runs (live/replay), never while code runs
            local(mv, THIS, JITCODE, "ctrs", "[Ldev/rewind/emulator/plugin/CounterImpl;", ASTORE, CTRS);
            local(mv, H, HART, "id", "I", ISTORE, HID);
        }
        Probe.entry(g);
        for (int r = 1; r < 32; r++) {
            if (used[r]) {
                g.fetchReg(r);
            }
        }
        Label tryStart = new Label();
        Label tryEnd = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, TRAP);
        mv.visitLabel(tryStart);
        entrySwitch(g);
        for (int k = 0; k < blocks.size(); k++) {
            block(g, k);
        }
        mv.visitLabel(tryEnd);

        mv.visitLabel(g.exit);
        Probe.flush(g);
        g.storeRegs(written);
        mv.visitVarInsn(ALOAD, H);
        mv.visitVarInsn(LLOAD, NPC);
        mv.visitFieldInsn(PUTFIELD, HART, "pc", "J");
        for (String f : new String[] {"retired", "cycles"}) {
            mv.visitVarInsn(ALOAD, H);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, HART, f, "J");
            mv.visitVarInsn(LLOAD, USED);
            mv.visitInsn(LADD);
            mv.visitFieldInsn(PUTFIELD, HART, f, "J");
        }
        mv.visitVarInsn(LLOAD, USED);
        mv.visitInsn(LRETURN);

        mv.visitLabel(handler);
        mv.visitVarInsn(ASTORE, TRAPV);
        Probe.flush(g);
        g.storeRegs(written);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, H);
        mv.visitVarInsn(ALOAD, TRAPV);
        mv.visitVarInsn(ILOAD, CUR);
        mv.visitVarInsn(LLOAD, USED);
        mv.visitVarInsn(LLOAD, T0);
        mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "trapExit", "(" + D_HART + "L" + TRAP + ";IJJ)J", false);
        mv.visitInsn(LRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        byte[] bytes = cw.toByteArray();
        return new Result(bytes, handler.getOffset() + 64);
    }

    /** Class bytes and the (approximate, upper bound) bytecode length of {@code run}. */
    public record Result(byte[] bytes, int codeSize) {
    }

    /** Any block of the region is an entry: dispatch on the page offset of {@code h.pc}. */
    private static void entrySwitch(Gen g) {
        MethodVisitor mv = g.mv;
        if (g.blocks.size() == 1) {
            return;
        }
        mv.visitVarInsn(ALOAD, H);
        mv.visitFieldInsn(GETFIELD, HART, "pc", "J");
        mv.visitVarInsn(LSTORE, NPC);
        dispatch(g);
    }

    /**
     * Continues at the pc in NPC: a jump to the region's block there when there is one, else leaves. Used at entry and after indirect jumps (returns to a call site in the region stay inside).
     */
    private static void dispatch(Gen g) {
        MethodVisitor mv = g.mv;
        int n = g.blocks.size();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(key(g, a), key(g, b)));
        int[] keys = new int[n];
        Label[] targets = new Label[n];
        for (int j = 0; j < n; j++) {
            keys[j] = key(g, order[j]);
            targets[j] = g.labels[order[j]];
        }
        long lo = lowest(g);
        mv.visitVarInsn(LLOAD, NPC);
        g.lconst(lo);
        mv.visitInsn(LSUB);
        mv.visitInsn(DUP2);
        g.lconst(Long.MIN_VALUE);
        mv.visitInsn(LXOR);
        g.lconst((keys[n - 1] + 1L) ^ Long.MIN_VALUE);
        mv.visitInsn(LCMP);
        Label in = new Label();
        mv.visitJumpInsn(IFLT, in);
        mv.visitInsn(POP2);
        mv.visitJumpInsn(GOTO, g.exit);
        mv.visitLabel(in);
        mv.visitInsn(L2I);
        mv.visitLookupSwitchInsn(g.exit, keys, targets);
    }

    /** Dispatch key of block k: its pc minus the region's lowest (regions span far less than 2 GiB). */
    private static int key(Gen g, int k) {
        return Math.toIntExact(g.blocks.get(k).pc() - lowest(g));
    }

    private static long lowest(Gen g) {
        long lo = Long.MAX_VALUE;
        for (BlockSpec b : g.blocks) {
            lo = Math.min(lo, b.pc());
        }
        return lo;
    }

    private static void block(Gen g, int k) {
        MethodVisitor mv = g.mv;
        BlockSpec b = g.blocks.get(k);
        int n = b.length();
        mv.visitLabel(g.labels[k]);
        Label fits = new Label();
        mv.visitVarInsn(LLOAD, USED);
        g.lconst(n);
        mv.visitInsn(LADD);
        mv.visitVarInsn(LLOAD, BUDGET);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLE, fits);
        g.exitTo(b.pc());
        mv.visitLabel(fits);
        Probe.block(g, k);
        int last = n - 1;
        for (int i = 0; i < last; i++) {
            Probe.insn(g, k, i);
            Emit.insn(g, k, i);
        }
        Probe.insn(g, k, last);
        int w = b.code()[last];
        int op = w & 0xFF;
        int rd = (w >>> 8) & 63;
        int r1 = (w >>> 16) & 63;
        int r2 = (w >>> 24) & 63;
        long imm = b.imm()[last];
        if (b.exits()) {
            rare(g, k, last, w, imm);
            return;
        }
        switch (op) {
            case Op.JAL -> {
                g.lconst(b.link());
                g.storeReg(rd);
                g.addUsed(n);
                g.goTo(imm);
            }
            case Op.JALR -> {
                g.loadReg(r1);
                g.lconst(imm);
                mv.visitInsn(LADD);
                g.lconst(~1L & g.am);
                mv.visitInsn(LAND);
                mv.visitVarInsn(LSTORE, NPC);
                g.lconst(b.link());
                g.storeReg(rd);
                g.addUsed(n);
                dispatch(g);
            }
            case Op.BEQ, Op.BNE, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU -> {
                g.addUsed(n);
                boolean unsigned = op == Op.BLTU || op == Op.BGEU;
                if (g.rv32) {
                    // int registers, compared directly (unsigned: both flipped at the sign bit)
                    g.loadInt(r1);
                    if (unsigned) {
                        g.iconst(Integer.MIN_VALUE);
                        mv.visitInsn(IXOR);
                    }
                    g.loadInt(r2);
                    if (unsigned) {
                        g.iconst(Integer.MIN_VALUE);
                        mv.visitInsn(IXOR);
                    }
                } else {
                    g.loadReg(r1);
                    if (unsigned) {
                        g.lconst(Long.MIN_VALUE);
                        mv.visitInsn(LXOR);
                    }
                    g.loadReg(r2);
                    if (unsigned) {
                        g.lconst(Long.MIN_VALUE);
                        mv.visitInsn(LXOR);
                    }
                    mv.visitInsn(LCMP);
                }
                Label taken = new Label();
                int jump = switch (op) {
                    case Op.BEQ -> IFEQ;
                    case Op.BNE -> IFNE;
                    case Op.BLT, Op.BLTU -> IFLT;
                    default -> IFGE;
                };
                if (g.rv32) {
                    jump += IF_ICMPEQ - IFEQ;
                }
                mv.visitJumpInsn(jump, taken);
                g.goTo(b.endPc());
                mv.visitLabel(taken);
                g.goTo(imm);
            }
            default -> {
                Emit.insn(g, k, last);
                g.addUsed(n);
                g.goTo(b.endPc());
            }
        }
    }

    /** A CSR/system instruction ending block k: through the interpreter, then leave with its next pc. */
    private static void rare(Gen g, int k, int i, int w, long imm) {
        MethodVisitor mv = g.mv;
        BlockSpec b = g.blocks.get(k);
        int rd = (w >>> 8) & 63;
        int r1 = (w >>> 16) & 63;
        if (r1 != 0) {
            g.writeBack(r1);
        }
        g.setCur(k, i);
        Probe.flush(g);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, H);
        g.iconst(k);
        g.iconst(i);
        g.iconst(w);
        g.lconst(imm);
        g.lconst(b.endPc());
        g.idx(i);
        mv.visitVarInsn(LLOAD, USED);
        mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "rare", "(" + D_HART + "IIIJJJJ)J", false);
        mv.visitVarInsn(LSTORE, NPC);
        if (rd > 0 && rd < 32) {
            g.fetchReg(rd);
        }
        g.addUsed(b.length());
        mv.visitJumpInsn(GOTO, g.exit);
    }

    /** Emits {@code slot = object.field}: a field read once at the region's entry and kept in a local. */
    private static void local(MethodVisitor mv, int object, String owner, String field, String desc, int storeOp,
            int slot) {
        mv.visitVarInsn(ALOAD, object);
        mv.visitFieldInsn(GETFIELD, owner, field, desc);
        mv.visitVarInsn(storeOp, slot);
    }
}
