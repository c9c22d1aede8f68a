package dev.rewind.emulator.plugin;

import dev.rewind.emulator.cpu.BlockExecCallback;
import dev.rewind.emulator.isa.Decoded;
import dev.rewind.plugin.api.Cond;
import dev.rewind.plugin.api.Counter;
import dev.rewind.plugin.api.ExecCallback;
import dev.rewind.plugin.api.Instruction;
import dev.rewind.plugin.api.MemCallback;
import dev.rewind.plugin.api.MemFilter;
import dev.rewind.plugin.api.TranslationBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The translation-time handle of a block and its instructions: collects what plugins register, then
 * {@link #seal} turns it into {@link Probes} and ends the handles' lifetime.
 */
final class TbImpl implements TranslationBlock {
    private final PluginHost host;
    private final long pc;
    private final List<Decoded> insns;
    private final long[] pcs;
    private final int[] ops;
    private final InsnImpl[] views;
    private final List<Hook<ExecCallback>> blockCbs = new ArrayList<>();
    private final List<CounterImpl> blockCtr = new ArrayList<>();
    private final List<Long> blockAdd = new ArrayList<>();
    private final List<List<Hook<ExecCallback>>> insnCbs = new ArrayList<>();
    private final List<List<CounterImpl>> insnCtr = new ArrayList<>();
    private final List<List<Long>> insnAdd = new ArrayList<>();
    private final List<List<MemHook>> mem = new ArrayList<>();
    private boolean sealed;
    Installed owner;

    TbImpl(PluginHost host, long pc, List<Decoded> insns, long[] pcs, int[] ops) {
        this.host = host;
        this.pc = pc;
        this.insns = insns;
        this.pcs = pcs;
        this.ops = ops;
        this.views = new InsnImpl[insns.size()];
        for (int i = 0; i < insns.size(); i++) {
            insnCbs.add(null);
            insnCtr.add(null);
            insnAdd.add(null);
            mem.add(null);
        }
    }

    void check() {
        if (sealed) {
            throw new IllegalStateException("translation block handle used after its translation callback returned");
        }
    }

    private CounterImpl own(Counter c) {
        if (!(c instanceof CounterImpl ci) || !host.owns(ci)) {
            throw new IllegalArgumentException("counter " + c + " was not made by this machine's PluginContext");
        }
        return ci;
    }

    @Override
    public long pc() {
        check();
        return pc;
    }

    @Override
    public int size() {
        check();
        return insns.size();
    }

    @Override
    public Instruction insn(int i) {
        check();
        if (views[i] == null) {
            views[i] = new InsnImpl(this, i);
        }
        return views[i];
    }

    @Override
    public void onExec(ExecCallback cb) {
        check();
        blockCbs.add(new Hook<>(owner, java.util.Objects.requireNonNull(cb, "cb")));
    }

    @Override
    public void onExecIf(Counter counter, Cond cond, long value, ExecCallback cb) {
        ExecCallback c = conditional(counter, cond, value, cb);
        if (c != null) {
            onExec(c);
        }
    }

    /** The callback {@code onExecIf} registers: a {@link CondExec}, or cb itself for ALWAYS, or null for NEVER. */
    ExecCallback conditional(Counter counter, Cond cond, long value, ExecCallback cb) {
        check();
        CounterImpl c = own(counter);
        java.util.Objects.requireNonNull(cb, "cb");
        return switch (java.util.Objects.requireNonNull(cond, "cond")) {
            case NEVER -> null;
            case ALWAYS -> cb;
            default -> new CondExec(c, cond, value, cb);
        };
    }

    @Override
    public void inlineAdd(Counter counter, long n) {
        check();
        blockCtr.add(own(counter));
        blockAdd.add(n);
    }

    Decoded decoded(int i) {
        return insns.get(i);
    }

    long pcOf(int i) {
        return pcs[i];
    }

    String disassemble(int i) {
        return host.disassembler().disassemble(insns.get(i).bits(), pcs[i]);
    }

    int memKind(int i) {
        return MemKinds.kind(ops[i]);
    }

    boolean memOp(int i) {
        return MemKinds.kind(ops[i]) != 0;
    }

    void insnExec(int i, ExecCallback cb) {
        check();
        if (insnCbs.get(i) == null) {
            insnCbs.set(i, new ArrayList<>());
        }
        insnCbs.get(i).add(new Hook<>(owner, java.util.Objects.requireNonNull(cb, "cb")));
    }

    void insnInline(int i, Counter c, long n) {
        check();
        if (insnCtr.get(i) == null) {
            insnCtr.set(i, new ArrayList<>());
            insnAdd.set(i, new ArrayList<>());
        }
        insnCtr.get(i).add(own(c));
        insnAdd.get(i).add(n);
    }

    void insnMem(int i, MemFilter f, MemCallback cb) {
        check();
        java.util.Objects.requireNonNull(cb, "cb");
        if (!memOp(i)) {
            return;
        }
        int want = switch (f) {
            case LOADS -> MemCallback.LOAD;
            case STORES -> MemCallback.STORE;
            case ALL -> MemCallback.LOAD | MemCallback.STORE;
        };
        if (mem.get(i) == null) {
            mem.set(i, new ArrayList<>());
        }
        mem.get(i).add(new MemHook(owner, cb, want));
    }

    /** Ends the handles' lifetime; the block's probes, or null when nothing was registered. */
    @SuppressWarnings("unchecked")
    Probes seal(BlockExecCallback[] legacy) {
        sealed = true;
        int n = insns.size();
        boolean any = !blockCbs.isEmpty() || !blockCtr.isEmpty() || legacy != null;
        List<Hook<ExecCallback>>[] ic = new List[n];
        CounterImpl[][] ictr = new CounterImpl[n][];
        long[][] iadd = new long[n][];
        List<MemHook>[] mh = new List[n];
        for (int i = 0; i < n; i++) {
            ic[i] = insnCbs.get(i) == null ? null : List.copyOf(insnCbs.get(i));
            if (insnCtr.get(i) != null) {
                ictr[i] = insnCtr.get(i).toArray(CounterImpl[]::new);
                iadd[i] = insnAdd.get(i).stream().mapToLong(Long::longValue).toArray();
            }
            mh[i] = mem.get(i) == null ? null : List.copyOf(mem.get(i));
            any |= ic[i] != null || ictr[i] != null || mh[i] != null;
        }
        if (!any) {
            return null;
        }
        return new Probes(host, pc, ops, List.copyOf(blockCbs), legacy, blockCtr.toArray(CounterImpl[]::new),
                blockAdd.stream().mapToLong(Long::longValue).toArray(), ic, ictr, iadd, mh);
    }
}
