package dev.rewind.emulator.jit;

import static org.objectweb.asm.Opcodes.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The state of one region's code generation: the method being written, the local-variable layout, block
 * labels, and the small emit helpers the instruction emitters share.
 */
final class Gen {
    static final String CPU = "dev/rewind/emulator/cpu/";
    static final String JITCODE = CPU + "JitCode";
    static final String HART = CPU + "Hart";
    static final String BUS = CPU + "Bus";
    static final String TRAP = CPU + "Trap";
    static final String D_HART = "L" + HART + ";";

    // local slots of run(Hart h, long budget, long t0); PO/PI: a fast access's offset in its page and page number (ints)
    static final int THIS = 0, H = 1, BUDGET = 2, T0 = 4, X = 6, LP = 7, SP = 8, USED = 9, CUR = 11, NPC = 12,
            A = 14, PO = 16, PI = 17, PG = 18, V = 19, TRAPV = 21, REG = 22;
    /** Locals after the registers (x1..x31 take REG..REG+61): the inline counters' ({@link Accumulators}). */
    static final int PROBES = REG + 62;

    final MethodVisitor mv;
    final List<BlockSpec> blocks;
    final Map<Long, Integer> index = new HashMap<>();
    final Label[] labels;
    final Label exit = new Label();
    /**
     * Where a slow path leaves when the bus asks for attention ({@link #cutCheck}): one sequence per region, the
     * instruction taken from CUR, not slots and pc inline at every access (16 bytecode bytes each; 6-8% of CoreMark's
     * region code). {@code -Drewind.jit.sharedCut=false}: inline, as before (A/B).
     */
    final Label cutExit = new Label();
    static final boolean SHARED_CUT = !"false".equals(System.getProperty("rewind.jit.sharedCut"));
    /** Whether some {@link #cutCheck} jumps to {@link #cutExit}. */
    boolean cutUsed;
    final boolean rv32;
    final long am;
    final long base;
    final long size;
    /** First inline-counter slot of each block's probes (see {@link Probe}). */
    final int[] ctrBase;
    /** First execution-callback slot of each block's probes. */
    final int[] callBase;
    /** Execution callbacks of the region's probes, in all (the length of {@code JitCode.calls}). */
    final int calls;
    /** Whether some block of the region has probes. */
    final boolean probes;
    /** Inline additions summed in locals (set by {@link Probe#entry}), or null. */
    Accumulators acc;
    /** First local of the access groups' RAM indexes (ints, after the inline counters' accumulators). */
    final int grp;
    /** The access groups of the block being emitted ({@link MemGroups#groups}). */
    MemGroups.Groups groups;
    /** The page caches of accesses in innermost loops ({@link PageCache}; long locals after the groups'). */
    final PageCache caches;
    /** Registers kept in the hart's array, not in locals ({@link ColdRegs}); index 0..32. */
    final boolean[] cold;
    /** Tag tables (and RAM's array) read from the class's constants, not locals ({@link MemEntry#bind}); 0: none. */
    int bind;
    /** RV64 registers in int locals ({@link Narrow}; not those of {@code wide}); index 0..32, none on RV32. */
    final boolean[] narrow;
    /** Whether any register is narrow. */
    final boolean narrowed;
    /** Per block: the narrow registers (bits) an entry there checks ({@link NarrowLive#checks}), or null (none narrow). */
    final int[] narrowLive;
    /** Entry stubs still to emit ({@link Narrow#entry}): label, block, target. */
    final List<Object[]> narrowStubs = new java.util.ArrayList<>();

    Gen(MethodVisitor mv, List<BlockSpec> blocks, int xlen, long base, long size, int wide) {
        this.mv = mv;
        this.blocks = blocks;
        this.labels = new Label[blocks.size()];
        for (int k = 0; k < blocks.size(); k++) {
            index.put(blocks.get(k).pc(), k);
            labels[k] = new Label();
        }
        this.rv32 = xlen == 32;
        this.am = rv32 ? 0xFFFFFFFFL : -1L;
        this.base = base;
        this.size = size;
        this.ctrBase = new int[blocks.size()];
        this.callBase = new int[blocks.size()];
        int slot = 0;
        int call = 0;
        boolean any = false;
        for (int k = 0; k < blocks.size(); k++) {
            ctrBase[k] = slot;
            callBase[k] = call;
            var p = blocks.get(k).probes();
            if (p != null) {
                any = true;
                slot += p.counters().size();
                call += p.blockCallbackCount();
                for (int i = 0; i < blocks.get(k).length(); i++) {
                    call += p.insnCallbackCount(i);
                }
            }
        }
        this.calls = call;
        this.probes = any;
        this.grp = PROBES + 2 * slot;
        this.caches = new PageCache(blocks, index, rv32, grp + MemGroups.MAX_GROUPS, this::innerCycles);
        this.cold = ColdRegs.of(blocks, index, rv32, this::innerCycles);
        this.narrow = NarrowSelect.of(blocks, index, rv32, cold, this::innerCycles, wide);
        this.narrowed = NarrowSelect.any(narrow);
        this.narrowLive = narrowed && NarrowSelect.FLAGS ? NarrowLive.checks(blocks, index, narrow, innerCycles())
                : null;
    }

    /** Whether register r (not cold) lives in an int local: all on RV32, the {@link Narrow} ones on RV64. */
    boolean intLocal(int r) {
        return rv32 || narrow[r];
    }

    /** Whether register r reads as an int without loss: x0, any RV32 register, a narrow RV64 one. */
    boolean isInt(int r) {
        return rv32 || NarrowSelect.in(narrow, r);
    }

    /** {@link PageCache#cycles} of the region, computed once (page caches and cold registers both ask). */
    private int[] inner;

    int[] innerCycles() {
        if (inner == null) {
            inner = PageCache.cycles(blocks, index);
        }
        return inner;
    }

    static int slot(int r) {
        return REG + 2 * (r - 1);
    }

    void lconst(long v) {
        if (v == 0) {
            mv.visitInsn(LCONST_0);
        } else if (v == 1) {
            mv.visitInsn(LCONST_1);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    /**
     * Pushes {@code this.ctrs[slot].field} (one of an inline counter's per-hart arrays: "cells" or "live"), loaded
     * where used rather than kept in locals: C2 keeps it in a register only where that pays.
     */
    void counterArray(int slot, String field) {
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitFieldInsn(GETFIELD, JITCODE, "ctrs", "[Ldev/rewind/emulator/plugin/CounterImpl;");
        iconst(slot);
        mv.visitInsn(AALOAD);
        mv.visitFieldInsn(GETFIELD, "dev/rewind/emulator/plugin/CounterImpl", field, "[J");
    }

    /** Pushes the running hart's id (the index of its cell in a counter's arrays). */
    void hartId() {
        mv.visitVarInsn(ALOAD, H);
        mv.visitFieldInsn(GETFIELD, HART, "id", "I");
    }

    void iconst(int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    /** Pushes register r as a long (x0 reads as 0; int locals widened: {@link NarrowLocals}). */
    void loadReg(int r) {
        NarrowLocals.loadReg(this, r);
    }

    /** Pushes register r's low 32 bits as an int. */
    void loadInt(int r) {
        NarrowLocals.loadInt(this, r);
    }

    /**
     * The RAM offset of {@code x[r1] + imm} into PO (its low 32 bits) and on the stack: an int for RV32 (it wraps like
     * the guest's 32-bit address), a long for RV64.
     */
    void ramOffset(int r1, long imm) {
        if (rv32) {
            loadInt(r1);
            iconst((int) imm - (int) base);
            mv.visitInsn(IADD);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, PO);
        } else {
            loadReg(r1);
            lconst(imm - base);
            mv.visitInsn(LADD);
            mv.visitInsn(DUP2);
            mv.visitInsn(L2I);
            mv.visitVarInsn(ISTORE, PO);
        }
    }

    /** Pops a long into register rd (32 = the x0 sink: discarded; an int local keeps the low 32 bits). */
    void storeReg(int rd) {
        NarrowLocals.storeReg(this, rd);
    }

    /** Pops an int into register rd, sign-extended (32 = the x0 sink: discarded). */
    void storeInt(int rd) {
        NarrowLocals.storeInt(this, rd);
    }

    /** Pushes {@code x[r]} (the hart's array) and stores it in register r's local. */
    void fetchReg(int r) {
        NarrowLocals.fetchReg(this, r);
    }

    /** Writes register r's local back to {@code x[r]}. */
    void writeBack(int r) {
        NarrowLocals.writeBack(this, r);
    }

    /** Masks the long on the stack to the address width. */
    void maskAddr() {
        if (rv32) {
            lconst(0xFFFFFFFFL);
            mv.visitInsn(LAND);
        }
    }

    void addUsed(int n) {
        mv.visitVarInsn(LLOAD, USED);
        lconst(n);
        mv.visitInsn(LADD);
        mv.visitVarInsn(LSTORE, USED);
    }

    /** Leaves the region with the next pc {@code pc}. */
    void exitTo(long pc) {
        lconst(pc);
        mv.visitVarInsn(LSTORE, NPC);
        mv.visitJumpInsn(GOTO, exit);
    }

    /**
     * Leaves before instruction i of block k, the instructions before it counted: the interpreter goes on there (a
     * slow memory access, {@link MemEmit}; after a cut, {@link #cutCheck}).
     */
    void exitBefore(int k, int i) {
        if (i > 0) {
            addUsed(i);
        }
        BlockSpec b = blocks.get(k);
        exitTo((b.pc() + b.offs()[i]) & am);
    }

    /** Continues at {@code pc}: a jump inside the region, or an exit. */
    void goTo(long pc) {
        Integer k = index.get(pc);
        if (k != null) {
            mv.visitJumpInsn(GOTO, labels[k]);
        } else {
            exitTo(pc);
        }
    }

    /** Pushes the slice-relative slot index of instruction i of the current block (device time). */
    void idx(int i) {
        mv.visitVarInsn(LLOAD, T0);
        mv.visitVarInsn(LLOAD, USED);
        mv.visitInsn(LADD);
        if (i != 0) {
            lconst(i);
            mv.visitInsn(LADD);
        }
    }

    /** Records which instruction may trap next (for the exception handler). */
    void setCur(int k, int i) {
        iconst(k << 8 | i);
        mv.visitVarInsn(ISTORE, CUR);
    }

    /**
     * After a slow-path call: if the bus asks for attention, end after instruction i of block k (CUR holds k and i:
     * {@link #setCur} before the call).
     */
    void cutCheck(int k, int i) {
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitFieldInsn(GETFIELD, JITCODE, "bus", "L" + BUS + ";");
        mv.visitFieldInsn(GETFIELD, BUS, "cut", "Z");
        if (SHARED_CUT) {
            cutUsed = true;
            mv.visitJumpInsn(IFNE, cutExit);
            return;
        }
        Label ok = new Label();
        mv.visitJumpInsn(IFEQ, ok);
        BlockSpec b = blocks.get(k);
        if (b.probes() != null) {
            mv.visitVarInsn(ALOAD, THIS);
            mv.visitVarInsn(ALOAD, H);
            iconst(k);
            iconst(i);
            mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "unadd", "(" + D_HART + "II)V", false);
        }
        exitBefore(k, i + 1);
        mv.visitLabel(ok);
    }

    /** Stores register locals into x[]. */
    void storeRegs(boolean[] regs) {
        for (int r = 1; r < 32; r++) {
            if (regs[r]) {
                writeBack(r);
            }
        }
    }
}
