package dev.rewind.emulator.plugin;

import dev.rewind.emulator.cpu.BlockExecCallback;
import dev.rewind.plugin.api.ExecCallback;
import java.util.ArrayList;
import java.util.List;

/**
 * What plugins attached to one decoded block, in the form execution needs: block-entry inline additions and
 * callbacks, and per instruction inline additions, execution callbacks and memory callbacks. Immutable. The
 * interpreter calls {@link #enter}, {@link #insn} and {@link #mem}; translated code emits the inline additions as
 * bytecode (in {@link #counters()} order) and calls the same methods for callbacks. Order at every point: inline
 * additions, then callbacks in registration order. A callback that throws is caught here and its plugin failed.
 */
public final class Probes {
    private static final CounterImpl[] NO_CTR = {};
    private static final long[] NO_ADD = {};

    private final PluginHost host;
    private final long pc;
    private final int[] ops;
    private final List<Hook<ExecCallback>> blockCbs;
    private final BlockExecCallback[] legacy;
    private final CounterImpl[] blockCtr;
    private final long[] blockAdd;
    private final List<Hook<ExecCallback>>[] insnCbs;
    private final CounterImpl[][] insnCtr;
    private final long[][] insnAdd;
    private final List<MemHook>[] memHooks;
    private final boolean stepped;
    /** Instructions have inline additions and nothing else: see {@link #inlineOnly()}. */
    private final boolean inlineOnly;
    private final Conditions conds;

    Probes(PluginHost host, long pc, int[] ops, List<Hook<ExecCallback>> blockCbs, BlockExecCallback[] legacy,
            CounterImpl[] blockCtr, long[] blockAdd, List<Hook<ExecCallback>>[] insnCbs, CounterImpl[][] insnCtr,
            long[][] insnAdd, List<MemHook>[] memHooks) {
        this.host = host;
        this.pc = pc;
        this.ops = ops;
        this.blockCbs = blockCbs;
        this.legacy = legacy;
        this.blockCtr = blockCtr;
        this.blockAdd = blockAdd;
        this.insnCbs = insnCbs;
        this.insnCtr = insnCtr;
        this.insnAdd = insnAdd;
        this.memHooks = memHooks;
        boolean s = false;
        boolean calls = false;
        for (int i = 0; i < ops.length; i++) {
            s |= insnCtr[i] != null;
            calls |= insnCbs[i] != null || memHooks[i] != null;
        }
        this.stepped = s || calls;
        this.inlineOnly = s && !calls;
        this.conds = new Conditions(blockCbs, insnCbs);
    }

    /** The number of instructions of the block. */
    public int size() {
        return ops.length;
    }

    /** Whether any instruction has probes (the interpreter then steps the block one instruction at a time). */
    public boolean stepped() {
        return stepped;
    }

    /**
     * Whether the instructions' probes are inline additions only (no execution or memory callbacks): nothing can
     * look at the counters between two instructions but a trap callback, so the interpreter may run the block whole
     * and then make the additions of the instructions it ran ({@link #insnAdds}) when no plugin listens to traps.
     */
    public boolean inlineOnly() {
        return inlineOnly;
    }

    /** The inline additions of instructions 0..n-1 (the first n of the block ran, the last one may have trapped). */
    public void insnAdds(int n, int hart) {
        for (int i = 0; i < n; i++) {
            CounterImpl[] c = insnCtr[i];
            if (c != null) {
                for (int j = 0; j < c.length; j++) {
                    c[j].cells[hart] += insnAdd[i][j];
                }
            }
        }
    }

    /**
     * Whether the engine's own block callbacks ({@link BlockExecCallback}) are attached: they may read hart counters
     * that translated code updates only when it leaves, so such blocks stay interpreted.
     */
    public boolean hasLegacy() {
        return legacy != null;
    }

    public boolean hasBlockCallbacks() {
        return !blockCbs.isEmpty() || legacy != null;
    }

    public boolean hasInsnCallbacks(int i) {
        return insnCbs[i] != null;
    }

    /** Plugin callbacks at block entry (translated blocks never have the engine's own ones). */
    public int blockCallbackCount() {
        return blockCbs.size();
    }

    public int insnCallbackCount(int i) {
        return insnCbs[i] == null ? 0 : insnCbs[i].size();
    }

    /**
     * The execution callbacks as translated code calls them ({@link CallTable}), with their plugins: block entry first,
     * then instruction by instruction, each in registration order. A conditional callback is its plugin's callback
     * alone: translated code tests the condition itself ({@link #cond}).
     */
    void hooks(List<ExecCallback> cbs, List<Installed> owners) {
        for (Hook<ExecCallback> h : blockCbs) {
            hook(h, cbs, owners);
        }
        for (List<Hook<ExecCallback>> l : insnCbs) {
            if (l != null) {
                for (Hook<ExecCallback> h : l) {
                    hook(h, cbs, owners);
                }
            }
        }
    }

    private static void hook(Hook<ExecCallback> h, List<ExecCallback> cbs, List<Installed> owners) {
        cbs.add(h.cb() instanceof CondExec c ? c.cb() : h.cb());
        owners.add(h.owner());
    }

    PluginHost host() {
        return host;
    }

    /** The condition of execution callback {@code call} (index in {@link #hooks} order), or null. */
    public CondExec cond(int call) {
        return conds.at(call);
    }

    /**
     * The index in {@link #counters()} of the counter that the condition of callback {@code call} tests (the
     * conditions' counters follow the additions' counters, one per conditional callback in call order).
     */
    public int condCounter(int call) {
        return counters().size() - conds.counters().size() + conds.before(call);
    }

    public boolean hasMem(int i) {
        return memHooks[i] != null;
    }

    public int blockInlines() {
        return blockCtr.length;
    }

    public long blockAdd(int j) {
        return blockAdd[j];
    }

    /** The counter of block-entry inline addition j. */
    public CounterImpl blockCounter(int j) {
        return blockCtr[j];
    }

    public int insnInlines(int i) {
        return insnCtr[i] == null ? 0 : insnCtr[i].length;
    }

    public long insnAdd(int i, int j) {
        return insnAdd[i][j];
    }

    /** The counter of inline addition j of instruction i. */
    public CounterImpl insnCounter(int i, int j) {
        return insnCtr[i][j];
    }

    /**
     * What translated code depends on (counts and increments of inline additions, which points call back), as
     * words for the translation cache's key: two blocks with equal code and equal shapes share a translated class
     * (the counters and callbacks themselves are fields of each region's instance; counters are named by their
     * {@link CounterImpl#number}, since translated code sums the additions to one counter in a local).
     */
    public long[] shape() {
        java.util.List<Long> w = new ArrayList<>();
        w.add((long) blockCtr.length);
        for (int j = 0; j < blockCtr.length; j++) {
            w.add(blockAdd[j]);
            w.add((long) blockCtr[j].number);
        }
        w.add((long) blockCbs.size() | (legacy != null ? 1L << 32 : 0));
        conds.shape(w);
        for (int i = 0; i < ops.length; i++) {
            w.add((long) insnInlines(i) | (long) insnCallbackCount(i) << 24 | (hasMem(i) ? 1L << 48 : 0));
            for (int j = 0; j < insnInlines(i); j++) {
                w.add(insnAdd[i][j]);
                w.add((long) insnCtr[i][j].number);
            }
        }
        return w.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Every inline counter (the translator's slot order): those of the additions, block level first, then
     * instruction by instruction; then those the conditional callbacks test, in call order.
     */
    public List<CounterImpl> counters() {
        List<CounterImpl> out = new ArrayList<>(List.of(blockCtr));
        for (CounterImpl[] c : insnCtr) {
            if (c != null) {
                out.addAll(List.of(c));
            }
        }
        out.addAll(conds.counters());
        return out;
    }

    /** Block entry in the interpreter: inline additions, then callbacks. */
    public void enter(int hart, long time) {
        for (int j = 0; j < blockCtr.length; j++) {
            blockCtr[j].cells[hart] += blockAdd[j];
        }
        blockCallbacks(hart, time);
    }

    /** Block entry callbacks (translated code did the inline additions). */
    public void blockCallbacks(int hart, long time) {
        for (int q = 0, n = blockCbs.size(); q < n; q++) {
            Hook<ExecCallback> h = blockCbs.get(q);
            if (h.alive()) {
                try {
                    h.cb().exec(hart, time);
                } catch (Throwable t) {
                    host.failed(h.owner(), t);
                }
            }
        }
        if (legacy != null) {
            for (BlockExecCallback cb : legacy) {
                cb.blockEntered(hart, pc);
            }
        }
    }

    /** Instruction {@code i} is about to execute (inline additions done by the caller when {@code inline} is false). */
    public void insn(int i, int hart, long time, boolean inline) {
        CounterImpl[] c = insnCtr[i];
        if (inline && c != null) {
            for (int j = 0; j < c.length; j++) {
                c[j].cells[hart] += insnAdd[i][j];
            }
        }
        List<Hook<ExecCallback>> cbs = insnCbs[i];
        if (cbs != null) {
            for (int q = 0, n = cbs.size(); q < n; q++) {
                Hook<ExecCallback> h = cbs.get(q);
                if (h.alive()) {
                    try {
                        h.cb().exec(hart, time);
                    } catch (Throwable t) {
                        host.failed(h.owner(), t);
                    }
                }
            }
        }
    }

    /** Instruction {@code i} accessed memory at {@code addr} (masked by the caller) with {@code value}. */
    public void mem(int i, int hart, long time, long addr, long value) {
        int op = ops[i];
        int size = MemKinds.size(op);
        int kind = MemKinds.kind(op);
        long v = size == 8 ? value : value & ((1L << (8 * size)) - 1);
        for (MemHook h : memHooks[i]) {
            if ((h.want() & kind) != 0 && h.owner().alive) {
                try {
                    h.cb().access(hart, time, addr, size, kind, v);
                } catch (Throwable t) {
                    host.failed(h.owner(), t);
                }
            }
        }
    }

    static CounterImpl[] noCounters() {
        return NO_CTR;
    }

    static long[] noAdds() {
        return NO_ADD;
    }
}
