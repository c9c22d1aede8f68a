package dev.rewind.emulator.jit;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import java.util.Map;

/**
 * Cold registers: in a region with innermost loops ({@link PageCache#cycles}), the guest registers that no block of
 * those loops reads or writes live in the hart's array instead of locals ({@link Gen#loadReg} reads {@code x[r]},
 * {@link Gen#storeReg} writes it through). They are not loaded at entry nor written back at exits, and they take no
 * machine register across the inner loops, where C2 otherwise keeps every register the region writes live for the
 * exits (spills in the inner loop). Regions with plugin probes have none (callbacks read the hart's registers only
 * after a flush). {@code -Drewind.jit.coldRegs=false}: none (A/B); {@code -Drewind.jit.coldDump=true} prints each
 * translation's loop (hot) and cold registers (COLD lines, regions with a loop; apart from {@code rewind.jit.dump},
 * whose REGION/CUT lines are compared between builds).
 * <p>
 * Measured (session 10, same classes, alternating rounds, PlainRun cpu-mips, load 6-12, SCALE=5 guests of 2.5-4 s):
 * bench-rv64 +6%, work-matmul-rv64 +6%, work-crc-rv64 +2%, work-mix-rv64 even (24 rounds: 1,551 vs 1,572),
 * work-fsm-rv64 even (26 rounds: 2,936 vs 2,834; its one cold region takes 0.17% of the time), work-mem, work-list,
 * work-calls even; 5-round sets of one pair moved from -5% to +11% (and an A/A pair by 5-6%), in either order.
 * The -13% session 9 saw on work-mix-rv64 (7 rounds of the 0.6 s default guest) was not reproduced: 27 rounds of
 * that guest gave +5% (1,430 vs 1,361), with single runs spread from 850 to 1,560 either way (HotSpot's compilations
 * still running in the timed part: the list sort's region, which has no cold register, was compiled 7 to 16 times in
 * runs of the same build). Profiles (perf, SCALE=5) give each cold region of work-mix (the matrix loops, main's list
 * build at 0x80000db4) the same share of the time with and without cold registers. CoreMark-20k-rv64 even (5 rounds:
 * 1,609 vs 1,627). Single-run region shares vary too: bench-rv64's list-search region 0x80001106 (3 loop registers)
 * took 1.4x its share with cold registers in one pair of runs, and the same with and without in another; sparing
 * regions of fewer than 4 loop registers (of the project guests, two of bench's; also 3 CoreMark-rv64 regions) gave
 * bench-rv64 +2% (7 rounds), within the noise of an A/A pair (+5% at 5 rounds on work-fsm-rv64): {@link #MIN_HOT},
 * off.
 */
final class ColdRegs {
    private ColdRegs() {
    }

    /** Prints each translation's cold registers to standard error ({@code -Drewind.jit.coldDump=true}, diagnostics). */
    private static final boolean DUMP = Boolean.getBoolean("rewind.jit.coldDump");

    static final boolean ON = !"false".equals(System.getProperty("rewind.jit.coldRegs"));

    /**
     * Fewest registers the innermost loop must use for the region to take cold registers (-Drewind.jit.coldMinHot;
     * default 0: any). The idea: a loop of few registers leaves C2 machine registers for the values around it, so cold
     * registers only add array accesses. Session 10, same classes, 4 vs 0: bench-rv64 SCALE=5 +2.1%, +2.4%, +2.1%,
     * 0.0% (5, 7, 8, 8 rounds) but the default bench-rv64 guest -9% and -4% (6 and 10 order-reversing rounds);
     * CoreMark-20k-rv64 +0.7% (6 rounds). It spares two bench regions (SCALE=5: 0x80000dee, its top one, and the list
     * searches 0x80001106, 3 loop registers each; no other project guest's) and 3 CoreMark-rv64 regions. Not on: no
     * consistent gain.
     */
    static final int MIN_HOT = Integer.getInteger("rewind.jit.coldMinHot", 0);

    /**
     * RV32 too with -Drewind.jit.coldRegs32=true (A/B, session 9: work-fsm-rv32 -8%, bench-rv32 -6%, CoreMark-rv32
     * even; session 10, SCALE=5 guests, 5 rounds: bench-rv32 -8% and -3%, work-matmul-rv32 -2%, work-fsm-rv32 -1%,
     * work-mix-rv32 even; RV32 registers are int locals, a cold one a long array element converted at every use).
     */
    static final boolean RV32 = Boolean.getBoolean("rewind.jit.coldRegs32");

    /**
     * Regions of short blocks (mean at most {@code BudgetPlan.SHORT}: branchy code such as work-fsm's tokenizer, whose
     * blocks around its one short scanning loop run about as often as the loop) take none, unless
     * -Drewind.jit.coldShort=true (work-fsm-rv64 -4..-7% with them, session 9; session 10, SCALE=5, 5 rounds:
     * work-mix-rv64 +5%, bench-rv64 -6%, work-fsm-rv64 -2%, work-mem-rv64 -2.5%).
     */
    static final boolean SHORT_TOO = Boolean.getBoolean("rewind.jit.coldShort");

    /**
     * Only regions with one innermost loop (-Drewind.jit.coldSingle=false: any number; with every region,
     * work-fsm-rv64 -9%, bench-rv32 -19%, A/B session 9; session 10, RV64 SCALE=5, 5 rounds: work-mix +1%, bench -2%,
     * work-mem -2%).
     */
    static final boolean SINGLE = !"false".equals(System.getProperty("rewind.jit.coldSingle"));

    /** Pushes register r from the hart's array: a long (RV32: low word sign-extended) or, {@code asInt}, an int. */
    static void load(Gen g, int r, boolean asInt) {
        g.mv.visitVarInsn(ALOAD, Gen.X);
        g.iconst(r);
        g.mv.visitInsn(LALOAD);
        if (asInt || g.rv32) {
            g.mv.visitInsn(L2I);
        }
        if (!asInt && g.rv32) {
            g.mv.visitInsn(I2L);
        }
    }

    /** Pops a long into {@code x[rd]} (RV32: low word sign-extended) through V (such regions have no probes). */
    static void store(Gen g, int rd) {
        if (g.rv32) {
            g.mv.visitInsn(L2I);
            g.mv.visitInsn(I2L);
        }
        g.mv.visitVarInsn(LSTORE, Gen.V);
        g.mv.visitVarInsn(ALOAD, Gen.X);
        g.iconst(rd);
        g.mv.visitVarInsn(LLOAD, Gen.V);
        g.mv.visitInsn(LASTORE);
    }

    /** The number of innermost loops: groups of blocks on innermost cycles joined by edges between them. */
    private static int innermostLoops(List<BlockSpec> blocks, Map<Long, Integer> index, int[] inner) {
        int nb = blocks.size();
        int[] root = new int[nb];
        for (int k = 0; k < nb; k++) {
            root[k] = k;
        }
        for (int k = 0; k < nb; k++) {
            if (inner[k] == Integer.MAX_VALUE) {
                continue;
            }
            for (int s : Loops.successors(blocks.get(k), index)) {
                if (inner[s] != Integer.MAX_VALUE) {
                    root[find(root, s)] = find(root, k);
                }
            }
        }
        int n = 0;
        for (int k = 0; k < nb; k++) {
            n += inner[k] != Integer.MAX_VALUE && find(root, k) == k ? 1 : 0;
        }
        return n;
    }

    private static int find(int[] root, int k) {
        while (root[k] != k) {
            k = root[k] = root[root[k]];
        }
        return k;
    }

    /** Per register 0..31: cold in this region ({@code cycles}: {@link PageCache#cycles} of the region, on demand). */
    static boolean[] of(List<BlockSpec> blocks, Map<Long, Integer> index, boolean rv32,
            java.util.function.Supplier<int[]> cycles) {
        return of(blocks, index, rv32, cycles, MIN_HOT);
    }

    /** {@link #of} with a given {@link #MIN_HOT}. */
    static boolean[] of(List<BlockSpec> blocks, Map<Long, Integer> index, boolean rv32,
            java.util.function.Supplier<int[]> cycles, int minHot) {
        boolean[] cold = new boolean[33];
        if (!ON || rv32 && !RV32 || !SHORT_TOO && BudgetPlan.shortBlocks(blocks, BudgetPlan.SHORT)) {
            return cold;
        }
        for (BlockSpec b : blocks) {
            if (b.probes() != null) {
                return cold;
            }
        }
        int[] inner = cycles.get();
        boolean[] hot = new boolean[32];
        boolean[] used = new boolean[32];
        boolean loops = false;
        for (int k = 0; k < blocks.size(); k++) {
            boolean in = inner[k] != Integer.MAX_VALUE;
            loops |= in;
            for (int w : blocks.get(k).code()) {
                int rd = (w >>> 8) & 63;
                int r1 = (w >>> 16) & 31;
                int r2 = (w >>> 24) & 31;
                for (int r : new int[] {rd < 32 ? rd : 0, r1, r2}) {
                    used[r] = true;
                    hot[r] |= in;
                }
            }
        }
        if (!loops || SINGLE && innermostLoops(blocks, index, inner) != 1) {
            return cold;
        }
        int loopRegs = 0;
        for (int r = 1; r < 32; r++) {
            loopRegs += hot[r] ? 1 : 0;
        }
        for (int r = 1; r < 32; r++) {
            cold[r] = loopRegs >= minHot && used[r] && !hot[r];
        }
        if (DUMP) {
            StringBuilder sb = new StringBuilder("COLD " + Long.toHexString(blocks.get(0).pc()) + " blocks "
                    + blocks.size() + " hot");
            for (int r = 1; r < 32; r++) {
                sb.append(hot[r] ? " x" + r : "");
            }
            sb.append(" cold");
            for (int r = 1; r < 32; r++) {
                sb.append(cold[r] ? " x" + r : "");
            }
            System.err.println(sb);
        }
        return cold;
    }
}
