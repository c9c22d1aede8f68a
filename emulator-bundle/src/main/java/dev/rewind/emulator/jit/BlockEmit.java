package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.isa.Op;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/** One block of a region's method (see {@link Translator}). */
final class BlockEmit {
    private BlockEmit() {
    }

    /**
     * Block k: the budget check where the plan has one ("the instructions up to the next check fit, else leave with pc
     * at this block"; before the block's label when only entries from outside check), its instructions, and its
     * end: direct branches and jumps to blocks of the region are gotos, indirect jumps dispatch on the target, a
     * CSR/system instruction goes through the interpreter and leaves.
     */
    static void block(Gen g, BudgetPlan plan, int k) {
        MethodVisitor mv = g.mv;
        BlockSpec b = g.blocks.get(k);
        int n = b.length();
        if (plan.entry[k] != g.labels[k]) {
            mv.visitLabel(plan.entry[k]);
            check(g, plan.enter[k], b.pc());
        }
        mv.visitLabel(g.labels[k]);
        if (plan.check[k] > 0) {
            check(g, plan.check[k], b.pc());
        }
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
                link(g, b, rd);
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
                link(g, b, rd);
                g.addUsed(n);
                Dispatch.dispatch(g, plan, k);
            }
            case Op.BEQ, Op.BNE, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU -> {
                g.addUsed(n);
                boolean unsigned = op == Op.BLTU || op == Op.BGEU;
                // ints: RV32, or RV64 narrow registers and x0 ({@link Narrow}: sign-extended words, same order)
                boolean ints = g.rv32 || EmitInt.BR && g.isInt(r1) && g.isInt(r2) && (g.narrow[r1] || g.narrow[r2]);
                if (ints) {
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
                    // unsigned: Long.compareUnsigned, one unsigned compare in C2
                    g.loadReg(r1);
                    g.loadReg(r2);
                    if (unsigned) {
                        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
                    } else {
                        mv.visitInsn(LCMP);
                    }
                }
                Label taken = new Label();
                int jump = switch (op) {
                    case Op.BEQ -> IFEQ;
                    case Op.BNE -> IFNE;
                    case Op.BLT, Op.BLTU -> IFLT;
                    default -> IFGE;
                };
                if (ints) {
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

    /** The return address into rd (nothing for x0: a plain jump's link was a constant pushed and popped). */
    private static void link(Gen g, BlockSpec b, int rd) {
        if (rd != 0 && rd != 32) {
            g.lconst(b.link());
            g.storeReg(rd);
        }
    }

    /** "At least {@code n} slots of budget left, else leave with pc {@code pc}" ({@link BudgetPlan}). */
    private static void check(Gen g, int n, long pc) {
        MethodVisitor mv = g.mv;
        Label fits = new Label();
        mv.visitVarInsn(LLOAD, USED);
        g.lconst(n);
        mv.visitInsn(LADD);
        mv.visitVarInsn(LLOAD, BUDGET);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLE, fits);
        g.exitTo(pc);
        mv.visitLabel(fits);
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
}
