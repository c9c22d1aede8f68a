package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.plugin.CounterImpl;
import dev.rewind.emulator.plugin.Probes;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Plugin probes in translated code: inline counter additions as bytecode ({@code ctrs[slot].cells[h.id] += n}, slots
 * in {@link Probes#counters()} order block after block), callbacks as calls of the {@code JitCode} probe helpers.
 * Same points and order as the interpreter ({@code ProbedExec}): at block entry after the budget check, before each
 * instruction, and after each memory access that did not trap (before the cut check).
 *
 * <p>Instruction-level additions are grouped ({@link InlineGroups}): one addition per counter at the first instruction
 * of a group; an instruction that leaves the block early takes back the additions of the rest of its group.
 */
final class Probe {
    private static final String EXEC = "dev/rewind/plugin/api/ExecCallback";
    private static final String TABLE = "dev/rewind/emulator/plugin/CallTable";

    private Probe() {
    }

    /** The callback call sites ({@link #call}) the region's method will have, block and instruction callbacks. */
    static int callSites(java.util.List<BlockSpec> blocks) {
        int n = 0;
        for (BlockSpec b : blocks) {
            Probes p = b.probes();
            if (p != null) {
                n += p.blockCallbackCount();
                for (int i = 0; i < p.size(); i++) {
                    n += p.insnCallbackCount(i);
                }
            }
        }
        return n;
    }

    static void block(Gen g, int k) {
        Probes p = g.blocks.get(k).probes();
        if (p == null) {
            return;
        }
        if (g.acc != null) {
            g.acc.off = 0;
        }
        int slot = g.ctrBase[k];
        for (int j = 0; j < p.blockInlines(); j++) {
            inline(g, slot + j, p.blockAdd(j));
        }
        for (int j = 0; j < p.blockCallbackCount(); j++) {
            call(g, k, j, 0);
        }
    }

    static void insn(Gen g, int k, int i) {
        BlockSpec b = g.blocks.get(k);
        Probes p = b.probes();
        if (p == null) {
            return;
        }
        if (i == 0 || InlineGroups.ends(p, b.length(), i - 1)) {
            group(g, k, p, b, i);
        }
        int call = p.blockCallbackCount();
        for (int q = 0; q < i; q++) {
            call += p.insnCallbackCount(q);
        }
        for (int j = 0; j < p.insnCallbackCount(i); j++) {
            call(g, k, call + j, i);
        }
    }

    /** The additions of the run starting at instruction i, one per counter (at the first slot naming it). */
    private static void group(Gen g, int k, Probes p, BlockSpec b, int i) {
        int slot = g.ctrBase[k] + p.blockInlines();
        for (int q = 0; q < i; q++) {
            slot += p.insnInlines(q);
        }
        Map<CounterImpl, long[]> sums = new LinkedHashMap<>();
        Map<CounterImpl, Boolean> seen = new IdentityHashMap<>();
        for (int j = i; ; j++) {
            if (g.acc != null) {
                g.acc.off = j + 1;
            }
            for (int q = 0; q < p.insnInlines(j); q++) {
                CounterImpl c = p.insnCounter(j, q);
                if (seen.put(c, Boolean.TRUE) == null) {
                    sums.put(c, new long[] {slot + q, 0});
                }
                sums.get(c)[1] += p.insnAdd(j, q);
            }
            slot += p.insnInlines(j);
            if (InlineGroups.ends(p, b.length(), j)) {
                break;
            }
        }
        for (long[] s : sums.values()) {
            inline(g, (int) s[0], s[1]);
        }
    }

    /** Whether instruction i of block k has memory probes. */
    static boolean mem(Gen g, int k, int i) {
        Probes p = g.blocks.get(k).probes();
        return p != null && p.hasMem(i);
    }

    /** The memory probe call: address in local A, value in local V. */
    static void memCall(Gen g, int k, int i) {
        MethodVisitor mv = g.mv;
        flush(g);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, H);
        g.iconst(k);
        g.iconst(i);
        mv.visitVarInsn(LLOAD, A);
        mv.visitVarInsn(LLOAD, V);
        g.idx(i);
        mv.visitMethodInsn(INVOKEVIRTUAL, JITCODE, "memProbe", "(" + D_HART + "IIJJJ)V", false);
        check(g); // a memory callback may have failed its plugin
    }

    /** {@code table.check()}: skips from now on the callbacks of plugins that died ({@code CallTable}). */
    private static void check(Gen g) {
        if (g.calls > 0) { // counted once per region (Gen.calls), not at each memory probe
            g.mv.visitVarInsn(ALOAD, THIS);
            g.mv.visitFieldInsn(GETFIELD, JITCODE, "table", "L" + TABLE + ";");
            g.mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "check", "()V", false);
        }
    }

    /**
     * Callback {@code c} of block k (block-relative, {@code Probes.hooks} order) before instruction i:
     * {@code calls[slot].exec(h.id, bus.blockTime + t0 + used + i)}, the plugin's own callback from a call site of its
     * own (monomorphic: C2 inlines it, an empty one costs a type check); a conditional one behind its test
     * ({@link CondEmit}). A throw is caught at the site: {@code table.failed(t, slot)} fails the plugin, whose
     * callbacks the table then skips, and execution goes on after the call.
     */
    private static void call(Gen g, int k, int c, int i) {
        MethodVisitor mv = g.mv;
        Probes p = g.blocks.get(k).probes();
        int slot = g.callBase[k] + c;
        Label skip = CondEmit.test(g, p.cond(c), g.ctrBase[k] + p.condCounter(c));
        flush(g); // only when it calls
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label after = skip != null ? skip : new Label();
        mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
        mv.visitLabel(start);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitFieldInsn(GETFIELD, JITCODE, "calls", "[L" + EXEC + ";");
        g.iconst(slot);
        mv.visitInsn(AALOAD);
        mv.visitVarInsn(ALOAD, H);
        mv.visitFieldInsn(GETFIELD, HART, "id", "I");
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitFieldInsn(GETFIELD, JITCODE, "bus", "L" + BUS + ";");
        mv.visitFieldInsn(GETFIELD, BUS, "blockTime", "J");
        g.idx(i);
        mv.visitInsn(LADD);
        mv.visitMethodInsn(INVOKEINTERFACE, EXEC, "exec", "(IJ)V", true);
        mv.visitLabel(end);
        mv.visitJumpInsn(GOTO, after);
        mv.visitLabel(handler); // stack: the Throwable
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitFieldInsn(GETFIELD, JITCODE, "table", "L" + TABLE + ";");
        mv.visitInsn(SWAP);
        g.iconst(slot);
        mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "failed", "(Ljava/lang/Throwable;I)V", false);
        mv.visitLabel(after);
    }

    /** Whether any block of the region has inline additions. */
    static boolean hasInline(java.util.List<BlockSpec> blocks) {
        for (BlockSpec b : blocks) {
            if (b.probes() != null && !b.probes().counters().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * At the region's entry: the check for plugins
     * that died since the region last ran ({@code CallTable.check}); the accumulators
     * ({@link Accumulators}) of a region with inline additions start at 0.
     */
    static void entry(Gen g) {
        check(g);
        if (hasInline(g.blocks)) {
            g.acc = Accumulators.of(g);
            g.acc.init(g.mv);
        }
    }

    /**
     * Where something may read the counters (a callback, a call into the engine, the region's exit, its trap
     * handler): the accumulated additions go to the counters' cells.
     */
    static void flush(Gen g) {
        if (g.acc != null) {
            g.acc.flush(g);
        }
    }

    /** At the region's exit (USED counts every instruction run): the pending additions go to the cells. */
    static void exit(Gen g) {
        if (g.acc != null) {
            g.acc.flush(g, 0);
        }
    }

    /** In the trap handler (CUR: the trapping instruction, which counts): the pending additions go to the cells. */
    static void trapped(Gen g) {
        if (g.acc != null) {
            g.acc.flush(g, -1);
        }
    }

    private static void inline(Gen g, int slot, long n) {
        if (g.acc != null && g.acc.add(g, slot, n)) {
            return;
        }
        MethodVisitor mv = g.mv;
        g.counterArray(slot, "cells");
        g.hartId();
        mv.visitInsn(DUP2);
        mv.visitInsn(LALOAD);
        g.lconst(n);
        mv.visitInsn(LADD);
        mv.visitInsn(LASTORE);
    }
}
