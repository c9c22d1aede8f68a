package dev.rewind.emulator.jit;

import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.isa.Op;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Narrow registers (RV64): registers that hold a sign-extended 32-bit value wherever the region runs live in an int
 * local, as every RV32 register does ({@link Gen#loadReg}, {@link EmitInt}). A register qualifies when an innermost
 * loop of the region uses it and every instruction of the region that writes it gives such a value, assuming the
 * narrow registers it reads hold one (the greatest such set: W ops, LB/LH/LW/LBU/LHU, SLT*, LUI/AUIPC/links whose
 * constant fits, ADDI from x0 or by 0, XORI/ORI/XOR/OR/AND of narrow values, ANDI with a non-negative immediate or of
 * a narrow value, SRAI/SRA of a narrow value, SRLI by 33 or more). Loop-carried W results then need no sign extension
 * at the loop's phis (C2 folds {@code L2I(I2L x)} in straight-line code, not across a phi).
 * <p>
 * The value at the region's entry may be anything. Each narrow register r has a flag (the int local after r's): "x[r]
 * still holds r, the int local does not", set at entry when {@code x[r]} is not sign-extended ({@link #fetch}),
 * cleared by every write of r; write-backs skip r while it is set ({@link Gen#writeBack}). Where the region is entered
 * at a block from which r's entry value may reach a read ({@link #liveIn}), the entry returns 0 when the flag is set
 * (nothing done yet: the interpreter runs the block) and clears it ({@link #entry}): so a flag is never set where r
 * is read, and it is a constant 0 (no machine code) wherever a write or a checked entry dominates, i.e. in the loops.
 * A register whose stale wide value only passes through (a temporary the region writes elsewhere) costs no exit.
 * Not for RV32 (all int already), cold registers ({@link ColdRegs}), regions without innermost loops, or regions
 * with plugin probes. Off by default; {@code -Drewind.jit.narrow=true}: on.
 */
final class Narrow {
    private Narrow() {
    }

    /** On with {@code -Drewind.jit.narrow=true} (off by default: see the measurements in the notes). */
    static final boolean ON = Boolean.getBoolean("rewind.jit.narrow");
    /** Entries into an innermost loop check every narrow register the loop uses ({@code =false}: what they read). */
    static final boolean GROUP = !"false".equals(System.getProperty("rewind.jit.narrowGroup"));
    /** Loop counters narrow too ({@code -Drewind.jit.narrowCounters=true}). */
    static final boolean COUNTERS = Boolean.getBoolean("rewind.jit.narrowCounters");
    /** Registers an innermost loop uses ({@code -Drewind.jit.narrowMode=hot}) rather than those it reads. */
    static final boolean HOT = "hot".equals(System.getProperty("rewind.jit.narrowMode"));
    /** Loop temporaries that a W op of the loop reads too ({@code -Drewind.jit.narrowTemps=false}: not). */
    static final boolean TEMPS = !"false".equals(System.getProperty("rewind.jit.narrowTemps"));
    /** Registers an innermost loop reads and writes ({@code -Drewind.jit.narrowMode=carried}). */
    static final boolean CARRIED = "carried".equals(System.getProperty("rewind.jit.narrowMode"));

    /** Prints each translation's narrow registers to standard error ({@code -Drewind.jit.narrowDump=true}). */
    private static final boolean DUMP = Boolean.getBoolean("rewind.jit.narrowDump");

    /** Per register field value 0..63: narrow in this region (only registers 1..31). */
    static boolean[] of(List<BlockSpec> blocks, Map<Long, Integer> index, boolean rv32, boolean[] cold,
            Supplier<int[]> cycles) {
        return ON ? select(blocks, index, rv32, cold, cycles) : new boolean[64];
    }

    /** {@link #of}, on or not. */
    static boolean[] select(List<BlockSpec> blocks, Map<Long, Integer> index, boolean rv32, boolean[] cold,
            Supplier<int[]> cycles) {
        boolean[] n = new boolean[64];
        if (rv32) {
            return n;
        }
        for (BlockSpec b : blocks) {
            if (b.probes() != null) {
                return n;
            }
        }
        int[] inner = cycles.get();
        boolean[] hot = new boolean[32];
        for (int k = 0; k < blocks.size(); k++) {
            if (inner[k] != Integer.MAX_VALUE) {
                for (int w : blocks.get(k).code()) {
                    hot[((w >>> 8) & 63) & 31] = true;
                    hot[(w >>> 16) & 31] = true;
                    hot[(w >>> 24) & 31] = true;
                }
            }
        }
        for (BlockSpec b : blocks) {
            for (int w : b.code()) {
                int rd = (w >>> 8) & 63;
                if (rd > 0 && rd < 32 && !cold[rd]) {
                    n[rd] = true;
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (BlockSpec b : blocks) {
                int len = b.length();
                for (int i = 0; i < len; i++) {
                    int w = b.code()[i];
                    int rd = (w >>> 8) & 63;
                    if (rd > 0 && rd < 32 && n[rd] && !narrowDef(b, i, n)) {
                        n[rd] = false;
                        changed = true;
                    }
                }
            }
        }
        // keep those read at the start of a block of an innermost loop (carried by the loop: a phi, or read by it
        // unchanged: a bound), not its temporaries (written before read: work-mem-rv64's byte copy -25% with its lbu
        // value as an int); -Drewind.jit.narrowMode=hot: any the loop uses, =carried: read and written by it; and the
        // narrow registers their writes' narrowness depends on
        boolean[] keep = new boolean[64];
        int[] live = liveIn(blocks, index, n);
        int carried = 0;
        int written = 0;
        int wOperand = 0;
        for (int k = 0; k < blocks.size(); k++) {
            if (inner[k] != Integer.MAX_VALUE) {
                carried |= live[k];
                for (int w : blocks.get(k).code()) {
                    written |= 1 << (((w >>> 8) & 63) & 31);
                    if (wOp(w & 0xFF)) {
                        wOperand |= 1 << ((w >>> 16) & 31) | 1 << ((w >>> 24) & 31);
                    }
                }
            }
        }
        int live0 = TEMPS ? carried | wOperand : carried;
        for (int r = 1; r < 32; r++) {
            keep[r] = n[r] && (HOT ? hot[r] : CARRIED ? (carried & written & 1 << r) != 0 : (live0 & 1 << r) != 0);
        }
        changed = true;
        while (changed) {
            changed = false;
            for (BlockSpec b : blocks) {
                for (int i = 0; i < b.length(); i++) {
                    int w = b.code()[i];
                    int rd = (w >>> 8) & 63;
                    if (rd > 0 && rd < 32 && keep[rd] && dependent(b, i)) {
                        for (int r : new int[] {(w >>> 16) & 31, (w >>> 24) & 31}) {
                            if (r != 0 && n[r] && !keep[r]) {
                                keep[r] = true;
                                changed = true;
                            }
                        }
                    }
                }
            }
        }
        // only registers some write of the region types as 32-bit (a W op, a sub-word load, SLT*): one written there
        // only by constants (li a7, 0) or moves is often a pointer or long another region writes (bench-rv64's list
        // merge: a7 a null pointer here, a node elsewhere; its entries returned to the interpreter 4.6 million times)
        int typed = 0;
        for (BlockSpec b : blocks) {
            for (int i = 0; i < b.length(); i++) {
                int w = b.code()[i];
                if (typed(w & 0xFF) && !(i == b.length() - 1 && b.exits())) {
                    typed |= 1 << (((w >>> 8) & 63) & 31);
                }
            }
        }
        for (int r = 1; r < 32; r++) {
            keep[r] &= (typed & 1 << r) != 0;
        }
        // not an innermost loop's counter (C2 turns a loop with an int counter into a counted loop, unrolled with
        // pre- and post-loops: work-list-rv64's hash loop -18%): unless -Drewind.jit.narrowCounters=true
        if (!COUNTERS) {
            for (int k = 0; k < blocks.size(); k++) {
                BlockSpec b = blocks.get(k);
                int w = b.code()[b.length() - 1];
                int op = w & 0xFF;
                if (inner[k] != Integer.MAX_VALUE && !b.exits() && op >= Op.BEQ && op <= Op.BGEU) {
                    for (int r : new int[] {(w >>> 16) & 31, (w >>> 24) & 31}) {
                        if (r != 0 && keep[r] && counter(blocks, inner, r)) {
                            keep[r] = false;
                        }
                    }
                }
            }
        }
        changed = true;
        while (changed) {
            changed = false;
            for (BlockSpec b : blocks) {
                for (int i = 0; i < b.length(); i++) {
                    int rd = (b.code()[i] >>> 8) & 63;
                    if (rd > 0 && rd < 32 && keep[rd] && !narrowDef(b, i, keep)) {
                        keep[rd] = false;
                        changed = true;
                    }
                }
            }
        }
        n = keep;
        if (DUMP) {
            StringBuilder sb = new StringBuilder("NARROW " + Long.toHexString(blocks.get(0).pc()) + " blocks "
                    + blocks.size());
            for (int r = 1; r < 32; r++) {
                sb.append(n[r] ? " x" + r : "");
            }
            System.err.println(sb);
        }
        return n;
    }

    /**
     * Whether register r is a pure counter of the innermost loops ({@code inner}): they write it only by adding a
     * constant to it (ADDIW r, r, at least once) and read it only there and in branches.
     */
    private static boolean counter(List<BlockSpec> blocks, int[] inner, int r) {
        boolean added = false;
        for (int k = 0; k < blocks.size(); k++) {
            if (inner[k] == Integer.MAX_VALUE) {
                continue;
            }
            for (int w : blocks.get(k).code()) {
                int op = w & 0xFF;
                boolean add = op == Op.ADDIW && ((w >>> 8) & 63) == r && ((w >>> 16) & 63) == r;
                boolean branch = op >= Op.BEQ && op <= Op.BGEU;
                if (((w >>> 8) & 63) == r && !add) {
                    return false;
                }
                if (!add && !branch && (((w >>> 16) & 31) == r || ((w >>> 24) & 31) == r)) {
                    return false;
                }
                added |= add;
            }
        }
        return added;
    }

    /** Whether op's result is a 32-bit value by its type: a W op, a sub-word load, a comparison. */
    private static boolean typed(int op) {
        return wOp(op) || switch (op) {
            case Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW, Op.LB, Op.LH, Op.LW, Op.LBU, Op.LHU, Op.SLT, Op.SLTU, Op.SLTI,
                    Op.SLTIU -> true;
            default -> false;
        };
    }

    /** Whether op reads its register operands' low words only (a W op). */
    private static boolean wOp(int op) {
        return switch (op) {
            case Op.ADDIW, Op.SLLIW, Op.SRLIW, Op.SRAIW, Op.ADDW, Op.SUBW, Op.SLLW, Op.SRLW, Op.SRAW, Op.MULW -> true;
            default -> false;
        };
    }

    /** Whether instruction i of block b writes a narrow value only when its register operands are narrow. */
    private static boolean dependent(BlockSpec b, int i) {
        int w = b.code()[i];
        return switch (w & 0xFF) {
            case Op.ADDI, Op.XORI, Op.ORI, Op.ANDI, Op.XOR, Op.OR, Op.AND, Op.SRAI, Op.SRA, Op.SRLI ->
                    !(i == b.length() - 1 && b.exits());
            default -> false;
        };
    }

    /** Whether n holds register r's value as an int (x0 counts: it reads as 0). */
    static boolean in(boolean[] n, int r) {
        return r == 0 || r < 32 && n[r];
    }

    private static boolean fits(long v) {
        return v == (int) v;
    }

    /**
     * Whether instruction i of block b writes a sign-extended 32-bit value (the interpreter's expression for its op,
     * BlockExec), given that the registers of n hold such values.
     */
    static boolean narrowDef(BlockSpec b, int i, boolean[] n) {
        int w = b.code()[i];
        int op = w & 0xFF;
        int r1 = (w >>> 16) & 63;
        int r2 = (w >>> 24) & 63;
        long imm = b.imm()[i];
        if (i == b.length() - 1) {
            if (b.exits()) {
                return false;                       // written by the interpreter (rare): any value
            }
            if (op == Op.JAL || op == Op.JALR) {
                return fits(b.link());
            }
        }
        return switch (op) {
            case Op.ADDIW, Op.SLLIW, Op.SRLIW, Op.SRAIW, Op.ADDW, Op.SUBW, Op.SLLW, Op.SRLW, Op.SRAW, Op.MULW,
                    Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW -> true;
            case Op.LB, Op.LH, Op.LW, Op.LBU, Op.LHU -> true;
            case Op.SLT, Op.SLTU, Op.SLTI, Op.SLTIU -> true;
            case Op.LUI, Op.AUIPC -> fits(imm);
            case Op.ADDI -> r1 == 0 ? fits(imm) : imm == 0 && in(n, r1);
            case Op.XORI, Op.ORI -> fits(imm) && in(n, r1);
            case Op.ANDI -> imm >= 0 && fits(imm) || fits(imm) && in(n, r1);
            case Op.XOR, Op.OR, Op.AND -> in(n, r1) && in(n, r2);
            case Op.SRAI, Op.SRA -> in(n, r1);
            case Op.SRLI -> imm >= 33 || imm == 0 && in(n, r1);
            default -> false;
        };
    }

    /** The flag local of narrow register r: its long local's second slot (the int value takes the first). */
    static int flag(int r) {
        return Gen.slot(r) + 1;
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
     * Per block: the narrow registers (bit r) whose value at the block's start may reach a read of the region (any
     * register field of an instruction counts as read; exits do not: they write back what the flags allow). A block
     * ending in an indirect jump may continue at any block ({@link Dispatch}).
     */
    static int[] liveIn(List<BlockSpec> blocks, Map<Long, Integer> index, boolean[] narrow) {
        return liveIn(blocks, index, narrow, null);
    }

    /**
     * The entry checks of each block: {@link #liveIn}, and for a block of an innermost loop (a group of blocks on
     * innermost cycles, {@code inner}, joined by edges) the narrow registers any block of that loop uses, so that their
     * flags are constant 0 in the loop when it is entered from outside the region.
     */
    static int[] checks(List<BlockSpec> blocks, Map<Long, Integer> index, boolean[] narrow, int[] inner) {
        return liveIn(blocks, index, narrow, inner);
    }

    private static int[] liveIn(List<BlockSpec> blocks, Map<Long, Integer> index, boolean[] narrow, int[] inner) {
        int nb = blocks.size();
        int mask = 0;
        for (int r = 1; r < 32; r++) {
            mask |= narrow[r] ? 1 << r : 0;
        }
        int[] use = new int[nb];
        int[] def = new int[nb];
        int[][] succ = new int[nb][];
        for (int k = 0; k < nb; k++) {
            BlockSpec b = blocks.get(k);
            int u = 0;
            int d = 0;
            for (int w : b.code()) {
                u |= ((1 << ((w >>> 16) & 31)) | (1 << ((w >>> 24) & 31))) & ~d;
                int rd = (w >>> 8) & 63;
                if (rd > 0 && rd < 32) {
                    d |= 1 << rd;
                }
            }
            use[k] = u & mask;
            def[k] = d;
            int last = b.code()[b.length() - 1];
            if (!b.exits() && (last & 0xFF) == Op.JALR) {
                succ[k] = new int[nb];
                for (int s = 0; s < nb; s++) {
                    succ[k][s] = s;
                }
            } else {
                succ[k] = Loops.successors(b, index);
            }
        }
        int[] in = use.clone();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = nb - 1; k >= 0; k--) {
                int out = 0;
                for (int s : succ[k]) {
                    out |= in[s];
                }
                int v = use[k] | out & ~def[k];
                if (v != in[k]) {
                    in[k] = v;
                    changed = true;
                }
            }
        }
        if (inner != null && GROUP) {
            int[] root = new int[nb];
            for (int k = 0; k < nb; k++) {
                root[k] = k;
            }
            for (int k = 0; k < nb; k++) {
                for (int t : Loops.successors(blocks.get(k), index)) {
                    if (inner[k] != Integer.MAX_VALUE && inner[t] != Integer.MAX_VALUE) {
                        root[find(root, t)] = find(root, k);
                    }
                }
            }
            int[] used = new int[nb];
            for (int k = 0; k < nb; k++) {
                if (inner[k] != Integer.MAX_VALUE) {
                    int u = 0;
                    for (int w : blocks.get(k).code()) {
                        u |= 1 << (((w >>> 8) & 63) & 31) | 1 << ((w >>> 16) & 31) | 1 << ((w >>> 24) & 31);
                    }
                    used[find(root, k)] |= u & mask;
                }
            }
            for (int k = 0; k < nb; k++) {
                if (inner[k] != Integer.MAX_VALUE) {
                    in[k] |= used[find(root, k)];
                }
            }
        }
        return in;
    }

    private static int find(int[] root, int k) {
        while (root[k] != k) {
            k = root[k] = root[root[k]];
        }
        return k;
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
        MethodVisitor mv = g.mv;
        int live = g.narrowLive[k];
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
        if (DUMP) {
            mv.visitFieldInsn(GETSTATIC, "java/lang/System", "err", "Ljava/io/PrintStream;");
            mv.visitLdcInsn("NARROW-BAIL " + Long.toHexString(g.blocks.get(0).pc()) + " at "
                    + Long.toHexString(g.blocks.get(k).pc()));
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/io/PrintStream", "println", "(Ljava/lang/String;)V", false);
        }
        mv.visitInsn(LCONST_0);
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
