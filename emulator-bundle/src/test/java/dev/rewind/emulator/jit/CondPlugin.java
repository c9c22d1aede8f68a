package dev.rewind.emulator.jit;

import dev.rewind.plugin.api.Cond;
import dev.rewind.plugin.api.Counter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;

/**
 * A test plugin of conditional callbacks only (no unconditional ones, so translated code groups the inline additions
 * between them): per instruction and per block, conditions of every kind on inline counters, including values with
 * the top bit set (unsigned comparison). Hits are counted per hart and condition and hashed with their time and pc,
 * live and replayed apart, and with the counters' values the callback reads; traps and some memory accesses too.
 */
final class CondPlugin implements RewindPlugin {
    /** Conditions 0-8; 9: traps, 10: memory accesses of every fifth memory instruction (not conditional). */
    static final int CONDS = 11;
    final long[][] live;
    final long[][] replayed;
    final long[] hash = new long[2];
    Counter insns;
    Counter mem;
    Counter blocks;
    PluginContext ctx;

    CondPlugin(int harts) {
        live = new long[harts][CONDS];
        replayed = new long[harts][CONDS];
    }

    @Override
    public String name() {
        return "cond";
    }

    private void hit(int id, int hart, long time, long pc) {
        boolean r = ctx.replaying();
        (r ? replayed : live)[hart][id]++;
        int k = r ? 1 : 0;
        long h = hash[k];
        // what the callback reads of the counters: the translated code's additions are in the cells by now
        for (long x : new long[] {id, hart, time, pc, insns.get(hart), mem.get(hart), blocks.get(hart)}) {
            h = Long.rotateLeft((h ^ x) * 0x9E3779B97F4A7C15L, 29);
        }
        hash[k] = h;
    }

    @Override
    public void install(PluginContext c) {
        this.ctx = c;
        insns = c.counter("insns");
        mem = c.counter("mem");
        blocks = c.counter("blocks");
        c.onTranslate(tb -> {
            long pc = tb.pc();
            tb.inlineAdd(blocks, 1);
            tb.onExecIf(blocks, Cond.LE, 40, (hart, time) -> hit(0, hart, time, pc));
            tb.onExecIf(blocks, Cond.NE, 7, (hart, time) -> hit(1, hart, time, pc));
            for (int i = 0; i < tb.size(); i++) {
                var insn = tb.insn(i);
                long ipc = insn.pc();
                insn.inlineAdd(insns, 1);
                if (insn.accessesMemory()) {
                    insn.inlineAdd(mem, 1);
                    if (ipc % 5 == 0) {
                        insn.onMem(dev.rewind.plugin.api.MemFilter.ALL, (hart, time, addr, size, kind, value) ->
                                hit(10, hart, time, addr));
                    }
                    if (ipc % 8 < 4) { // others may trap with additions summed since the last callback
                        insn.onExecIf(mem, Cond.GE, 50, (hart, time) -> hit(2, hart, time, ipc));
                    }
                }
                if (i % 3 == 0) {
                    insn.onExecIf(insns, Cond.EQ, 777, (hart, time) -> hit(3, hart, time, ipc));
                    insn.onExecIf(insns, Cond.LT, 60, (hart, time) -> hit(4, hart, time, ipc));
                    insn.onExecIf(insns, Cond.GT, 5_000, (hart, time) -> hit(5, hart, time, ipc));
                    insn.onExecIf(insns, Cond.LT, -1L, (hart, time) -> hit(6, hart, time, ipc));
                    insn.onExecIf(insns, Cond.GT, Long.MIN_VALUE, (hart, time) -> hit(7, hart, time, ipc));
                    insn.onExecIf(insns, Cond.ALWAYS, 0, (hart, time) -> hit(8, hart, time, ipc));
                    insn.onExecIf(insns, Cond.NEVER, 0, (hart, time) -> hit(8, -1, time, ipc));
                }
            }
        });
        c.onTrap((hart, time, cause, irq, epc, tval) -> hit(9, hart, time, epc));
    }
}
