package dev.rewind.emulator.jit;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Narrow registers (RV64): registers that hold a sign-extended 32-bit value wherever the region runs live in an int
 * local, as every RV32 register does ({@link Gen#loadReg}, {@link EmitInt}). A register qualifies
 * ({@link NarrowSelect}) when every instruction of the region that writes it gives such a value, assuming the narrow
 * registers it reads hold one (the greatest such set: W ops, LB/LH/LW/LBU/LHU, SLT*, LUI/AUIPC/links whose constant
 * fits, ADDI from x0 or by 0, XORI/ORI/XOR/OR/AND of narrow values, ANDI with a non-negative immediate or of a narrow
 * value, SRAI/SRA of a narrow value, SRLI by 33 or more), and an innermost loop needs it. Loop-carried W results then
 * need no sign extension at the loop's phis (C2 folds {@code L2I(I2L x)} in straight-line code, not across a phi).
 * <p>
 * The value at the region's entry may be anything. Each narrow register r has a flag (the int local after r's): "x[r]
 * still holds r, the int local does not", set at entry when {@code x[r]} is not sign-extended ({@link #fetch}),
 * cleared by every write of r; write-backs skip r while it is set ({@link Gen#writeBack}). Where the region is entered
 * at a block from which r's entry value may reach a read ({@link NarrowLive#liveIn}), the entry returns 0 when the flag is set
 * (nothing done yet: the interpreter runs the block) and clears it ({@link #entry}): so a flag is never set where r
 * is read, and it is a constant 0 (no machine code) wherever a write or a checked entry dominates, i.e. in the loops.
 * A register whose stale wide value only passes through (a temporary the region writes elsewhere) costs no exit.
 * Not for RV32 (all int already), cold registers ({@link ColdRegs}), regions without innermost loops, or regions
 * with plugin probes. Off by default; {@code -Drewind.jit.narrow=true}: on.
 * <p>
 * The flags above are {@code -Drewind.jit.narrowFlags=true}. By default there are none: the region's entry checks
 * every narrow register once, after the fetches ({@link #checkAll}), and returns 0 when any is wide, so no narrow
 * register is ever wide in the region (write-backs unconditional, no flag phis in loops). Such returns are counted
 * ({@code JitCode.bail}, with the registers that were wide): a region whose entries return too often is translated
 * again without those registers narrow, then without any ({@code cpu.NarrowRetry}).
 */
final class Narrow {
    private Narrow() {
    }

    /** The flag local of narrow register r: its long local's second slot (the int value takes the first). */
    static int flag(int r) {
        return Gen.slot(r) + 1;
    }

    /** Narrow register r was written: its int local holds it (its flag cleared); nothing for other registers. */
    static void written(Gen g, int r) {
        if (g.narrow[r] && NarrowSelect.FLAGS) {
            g.mv.visitInsn(ICONST_0);
            g.mv.visitVarInsn(ISTORE, flag(r));
        }
    }

    /** Before register r's write-back: a jump over it while x[r] still holds r (a narrow one's flag), or null. */
    static Label unlessHeld(Gen g, int r) {
        if (!g.narrow[r] || !NarrowSelect.FLAGS) {
            return null;
        }
        Label skip = new Label();
        g.mv.visitVarInsn(ILOAD, flag(r));
        g.mv.visitJumpInsn(IFNE, skip);
        return skip;
    }

    /**
     * At the region's entry: narrow register r's int local from {@code x[r]}, its flag set when {@code x[r]} is not a
     * sign-extended 32-bit value.
     */
    static void fetch(Gen g, int r) {
        MethodVisitor mv = g.mv;
        mv.visitVarInsn(ALOAD, Gen.X);
        g.iconst(r);
        mv.visitInsn(LALOAD);
        mv.visitInsn(DUP2);
        mv.visitInsn(L2I);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, Gen.slot(r));
        mv.visitInsn(I2L);
        mv.visitInsn(LCMP);
        mv.visitVarInsn(ISTORE, flag(r));
    }

    /**
     * The entry switch's target for block k ({@code to}), or a stub checking first that no narrow register whose entry
     * value block k may read has its flag set (else return 0), emitted by {@link #stubs}.
     */
    static Label entry(Gen g, int k, Label to) {
        if (g.narrowLive == null || g.narrowLive[k] == 0) {
            return to;
        }
        Label stub = new Label();
        g.narrowStubs.add(new Object[] {stub, k, to});
        return stub;
    }

    /** Emits the stubs {@link #entry} returned (after the entry switch). */
    static void stubs(Gen g) {
        for (Object[] s : g.narrowStubs) {
            g.mv.visitLabel((Label) s[0]);
            check(g, (Integer) s[1]);
            g.mv.visitJumpInsn(GOTO, (Label) s[2]);
        }
        g.narrowStubs.clear();
    }

    /** At an entry into block k: returns 0 when a register read from there still has its flag set; clears them. */
    static void check(Gen g, int k) {
        if (g.narrowLive == null || g.narrowLive[k] == 0) {
            return;
        }
        check(g, k, g.narrowLive[k]);
    }

    /**
     * Without flags ({@code NarrowSelect.FLAGS} false), at the region's entry after the fetches: returns 0 when any
     * narrow register holds a wide value (nothing done yet), so none is ever wide in the region.
     */
    static void checkAll(Gen g) {
        if (!g.narrowed || NarrowSelect.FLAGS) {
            return;
        }
        int all = 0;
        for (int r = 1; r < 32; r++) {
            all |= g.narrow[r] ? 1 << r : 0;
        }
        check(g, 0, all);
    }

    /** Returns 0 ({@code JitCode.bail}) when a register of {@code live} has its flag set; else clears them. */
    private static void check(Gen g, int k, int live) {
        MethodVisitor mv = g.mv;
        boolean first = true;
        for (int r = 1; r < 32; r++) {
            if ((live & 1 << r) != 0) {
                mv.visitVarInsn(ILOAD, flag(r));
                if (!first) {
                    mv.visitInsn(IOR);
                }
                first = false;
            }
        }
        Label ok = new Label();
        mv.visitJumpInsn(IFEQ, ok);
        if (NarrowSelect.DUMP) {
            mv.visitFieldInsn(GETSTATIC, "java/lang/System", "err", "Ljava/io/PrintStream;");
            mv.visitLdcInsn("NARROW-BAIL " + Long.toHexString(g.blocks.get(0).pc()) + " at "
                    + Long.toHexString(g.blocks.get(k).pc()));
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/io/PrintStream", "println", "(Ljava/lang/String;)V", false);
        }
        mv.visitVarInsn(ALOAD, Gen.THIS);           // returns 0: JitCode.bail(h, the registers whose flags are set)
        mv.visitVarInsn(ALOAD, Gen.H);
        mv.visitInsn(ICONST_0);
        for (int r = 1; r < 32; r++) {
            if ((live & 1 << r) != 0) {
                mv.visitVarInsn(ILOAD, flag(r));    // -1 or 1 when set (LCMP)
                mv.visitInsn(ICONST_1);
                mv.visitInsn(IAND);
                g.iconst(r);
                mv.visitInsn(ISHL);
                mv.visitInsn(IOR);
            }
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, Gen.JITCODE, "bail", "(" + Gen.D_HART + "I)J", false);
        mv.visitInsn(LRETURN);
        mv.visitLabel(ok);
        for (int r = 1; r < 32; r++) {
            if ((live & 1 << r) != 0) {
                mv.visitInsn(ICONST_0);
                mv.visitVarInsn(ISTORE, flag(r));
            }
        }
    }
}
