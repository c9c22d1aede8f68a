package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Translates a region (decoded blocks, on one or several pages, each an entry point) into the bytes of a class
 * {@code dev.rewind.emulator.cpu.JitRegion extends JitCode} with the constructor {@code (Interpreter, Block[])}
 * and {@code long run(Hart h, long budget, long t0)}. Registers live in locals between the load at entry and
 * the store at the exits; budget checks ("what runs up to the next check fits, else leave with pc at this
 * block") start every block, or on one-hart machines only loop headers and entries ({@link BudgetPlan}); direct branches and jumps to blocks of the region are gotos, indirect jumps dispatch on
 * the target (a switch over the region's blocks), every other transfer leaves.
 * Semantics follow the interpreter's hot loop expression for expression. Stateless.
 */
public final class Translator {
    private Translator() {
    }

    /**
     * Callers split regions whose method is larger. HotSpot's C2 skips methods above 8000 bytes (HugeMethodLimit); C1
     * bails out of large ones ("out of virtual registers in linear scan" on work-mem's 6,645-byte main region, "too many
     * stack slots used" from about 4000 bytes), which then run in the bytecode interpreter until C2 compiles them, and
     * C2 takes longer on them. 4000 rather than 7800 (session 5, PlainRun after 2e8 of warm-up, 2 alternating JVMs each,
     * load ~8): bench-rv32 +17%, work-mem-rv32 +12%, bench-rv64 +7%, work-mem-rv64 +5%, guests without regions above
     * 4000 bytes unchanged (within noise). 3400 since slow accesses leave the region ({@code MemEmit}): the same guest
     * code takes ~15% less bytecode, and 4000 then let regions take more blocks, which changed which blocks the paths
     * back of core_state_transition's region took (CoreMark-2k-rv64 region-to-region trips 4.86M -> 5.99M, 3400: 4.98M;
     * warmup.sh 5 rounds, load 2.7, 4000 -> 3400, steady ms / warm ms: CoreMark-25k-rv64 45 -> 42 / 879 -> 614, rv32
     * 52 -> 49 / 450 -> 612). Regions with plugin probes keep {@link #PROBED_CODE_BYTES} (their costs were measured
     * with it). {@code -Drewind.jit.maxCode} overrides it (experiments).
     */
    public static final int MAX_CODE_BYTES = Integer.getInteger("rewind.jit.maxCode", 3400);

    /** The limit for regions with plugin probes, callback inlining room included ({@link #inlineReserve}). */
    public static final int PROBED_CODE_BYTES = 7800;

    /** The largest {@code run} method a region of these blocks may have (callers split larger ones). */
    public static int codeLimit(List<BlockSpec> blocks) {
        return codeLimit(blocks, MAX_CODE_BYTES);
    }

    /** {@link #codeLimit(List)} with {@code max} instead of {@link #MAX_CODE_BYTES} for regions without probes. */
    public static int codeLimit(List<BlockSpec> blocks, int max) {
        for (BlockSpec b : blocks) {
            if (b.probes() != null) {
                return PROBED_CODE_BYTES - inlineReserve(blocks);
            }
        }
        return max;
    }

    /**
     * Bytecode C2 must still be able to inline per callback call site (an empty callback: its lambda's 6 bytes and
     * the 1-byte body; a small one a few more): C2 stops inlining in a method once the bytecode it inlined, the method's
     * own included, reaches 8000 bytes (DesiredMethodLimit, a fixed limit in product JVMs), so a region near
     * {@link #PROBED_CODE_BYTES} left its callbacks as real calls ("size > DesiredMethodLimit" in -XX:+PrintInlining),
     * each spilling the register locals around it. 64 rather than the 7 an empty callback needs: measured best of
     * 16-96 (per-instruction empty callback, bench-rv32). {@code -Drewind.jit.callInline} overrides it (experiments).
     */
    public static final int CALL_INLINE_BYTES = Integer.getInteger("rewind.jit.callInline", 64);

    /** The inlining room to reserve within {@link #PROBED_CODE_BYTES} for the region's callbacks. */
    public static int inlineReserve(List<BlockSpec> blocks) {
        return CALL_INLINE_BYTES * Probe.callSites(blocks);
    }

    /**
     * @param blocks  the region: distinct blocks, none with breakpoints or callbacks
     * @param xlen    32 or 64
     * @param ramBase RAM base address
     * @param ramSize RAM size in bytes
     */
    public static Result translate(List<BlockSpec> blocks, int xlen, long ramBase, long ramSize) {
        return translate(blocks, xlen, ramBase, ramSize, false);
    }

    /**
     * As {@link #translate(List, int, long, long)}; {@code sparse}: budget checks at loop headers and entries only
     * ({@link BudgetPlan}), for machines whose slices are long (one hart).
     */
    public static Result translate(List<BlockSpec> blocks, int xlen, long ramBase, long ramSize, boolean sparse) {
        return translate(blocks, xlen, ramBase, ramSize, sparse, 0);
    }

    /** Binding: the tag tables as the class's constants (define it with its class data: {@link #classData}). */
    public static final int BIND_TABLES = MemEntry.TABLES;
    /** Binding: RAM's array too (with {@link #BIND_TABLES}). */
    public static final int BIND_RAM = MemEntry.RAM;

    /**
     * The class data a class translated with {@code bind} (0, or {@link #BIND_TABLES} and maybe {@link #BIND_RAM})
     * must be defined with: the load and store tag tables and RAM's flat array of the one machine it runs on.
     */
    public static List<Object> classData(int bind, int[] loadTags, int[] storeTags, byte[] ram) {
        return (bind & BIND_RAM) != 0 ? List.of(loadTags, storeTags, ram) : List.of(loadTags, storeTags);
    }

    /**
     * As {@link #translate(List, int, long, long, boolean)}; {@code bind} (0, or {@link #BIND_TABLES} and maybe
     * {@link #BIND_RAM}): the class reads the tag tables (and RAM's array) as constants of its own, set from its
     * class data ({@link #classData}): such a class belongs to one machine.
     */
    public static Result translate(List<BlockSpec> blocks, int xlen, long ramBase, long ramSize, boolean sparse,
            int bind) {
        return translate(blocks, xlen, ramBase, ramSize, sparse, bind, 0);
    }

    /**
     * As {@link #translate(List, int, long, long, boolean, int)}; {@code wide}: RV64 registers (bit r) never kept
     * narrow ({@link Narrow}; -1: none narrow), for a region whose narrow entries returned to the interpreter too often.
     */
    public static Result translate(List<BlockSpec> blocks, int xlen, long ramBase, long ramSize, boolean sparse,
            int bind, int wide) {
        return translate(blocks, xlen, ramBase, ramSize, sparse, bind, wide, true);
    }

    /**
     * As {@link #translate(List, int, long, long, boolean, int, int)}; {@code loopCopies} false: loops entered at any
     * block, no {@link LoopEntries} copies.
     */
    public static Result translate(List<BlockSpec> blocks, int xlen, long ramBase, long ramSize, boolean sparse,
            int bind, int wide, boolean loopCopies) {
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
        Label handler = new Label();
        TrapRanges ranges = new TrapRanges(mv, handler, TRAP);
        mv = ranges;
        mv.visitCode();
        Gen g = new Gen(mv, blocks, xlen, ramBase, ramSize, wide);
        g.bind = MemEntry.binding(g, bind);
        MemEntry.bind(cw, g.bind);
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
        MemEmit.locals(g);
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, USED);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, CUR);
        Probe.entry(g);
        for (int r = 1; r < 32; r++) {
            if (used[r]) {
                g.fetchReg(r);
            }
        }
        ranges.start();
        BudgetPlan plan = new BudgetPlan(blocks, g.labels, sparse, !loopCopies);
        LoopEntries entries = new LoopEntries(g, plan, loopCopies);
        Dispatch.entrySwitch(g, plan, entries);
        Label[] ends = new Label[blocks.size()];
        for (int k = 0; k < blocks.size(); k++) {
            BlockEmit.block(g, plan, k);
            ends[k] = new Label();
            mv.visitLabel(ends[k]);
        }
        entries.emitCopies(g, plan);
        ranges.end();
        cutTail(g);

        mv.visitLabel(g.exit);
        Probe.exit(g);
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
        Probe.trapped(g);
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
        int[] at = new int[ends.length];
        for (int k = 0; k < ends.length; k++) {
            at[k] = ends[k].getOffset();
        }
        return new Result(bytes, handler.getOffset() + 64, at);
    }

    /**
     * The shared end of {@code Gen.cutCheck}s (when any jumped there), just before {@code g.exit}: the slots and the
     * next pc of the instruction in CUR, as the inline form has them ({@code JitCode.cutSlots/cutPc}).
     */
    private static void cutTail(Gen g) {
        MethodVisitor mv = g.mv;
        if (!g.cutUsed) {
            return;
        }
        mv.visitLabel(g.cutExit);
        mv.visitVarInsn(LLOAD, USED);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, H);
        mv.visitVarInsn(ILOAD, CUR);
        mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "cutSlots", "(" + D_HART + "I)J", false);
        mv.visitInsn(LADD);
        mv.visitVarInsn(LSTORE, USED);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ILOAD, CUR);
        mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "cutPc", "(I)J", false);
        mv.visitVarInsn(LSTORE, NPC);
    }

    /**
     * Class bytes, the (approximate, upper bound) bytecode length of {@code run} and where in it each block's code ends
     * (bytecode offsets in region order; empty when unknown): what the cut guesses a prefix's size from
     * ({@code cpu.RegionCut}).
     */
    public record Result(byte[] bytes, int codeSize, int[] blockEnds) {
        public Result(byte[] bytes, int codeSize) {
            this(bytes, codeSize, new int[0]);
        }
    }

    /** Emits {@code slot = object.field}: a field read once at the region's entry and kept in a local. */
    private static void local(MethodVisitor mv, int object, String owner, String field, String desc, int storeOp,
            int slot) {
        mv.visitVarInsn(ALOAD, object);
        mv.visitFieldInsn(GETFIELD, owner, field, desc);
        mv.visitVarInsn(storeOp, slot);
    }
}
