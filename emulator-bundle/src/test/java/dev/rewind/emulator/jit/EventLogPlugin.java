package dev.rewind.emulator.jit;

import dev.rewind.plugin.api.Counter;
import dev.rewind.plugin.api.MemFilter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import dev.rewind.plugin.api.TimeTravelEvent;

/**
 * A test plugin that uses every kind of probe and folds every event it sees (kind, hart, time, pc, address, value)
 * into one hash per kind, plus counts; live and replayed events are kept apart.
 */
final class EventLogPlugin implements RewindPlugin {
    static final int BLOCK = 0, INSN = 1, MEM = 2, TRAP = 3;
    final long[] live = new long[4];
    final long[] replayed = new long[4];
    final long[] hash = new long[4];
    final int[] travel = new int[TimeTravelEvent.values().length];
    int starts;
    int stops;
    Counter insnInline;
    Counter blockInline;
    PluginContext ctx;

    @Override
    public String name() {
        return "event-log";
    }

    private void see(int kind, long... v) {
        if (ctx.replaying()) {
            replayed[kind]++;
            return;
        }
        live[kind]++;
        long h = hash[kind];
        for (long x : v) {
            h = Long.rotateLeft((h ^ x) * 0x9E3779B97F4A7C15L, 29);
        }
        hash[kind] = h;
    }

    @Override
    public void install(PluginContext c) {
        this.ctx = c;
        insnInline = c.counter("insns");
        blockInline = c.counter("blocks");
        c.onTranslate(tb -> {
            long pc = tb.pc();
            tb.inlineAdd(blockInline, 1);
            tb.onExec((hart, time) -> see(BLOCK, hart, time, pc));
            for (int i = 0; i < tb.size(); i++) {
                var insn = tb.insn(i);
                long ipc = insn.pc();
                insn.inlineAdd(insnInline, 1);
                insn.onExec((hart, time) -> see(INSN, hart, time, ipc));
                insn.onMem(MemFilter.ALL, (hart, time, addr, size, kind, value) ->
                        see(MEM, hart, time, ipc, addr, size, kind, value));
            }
        });
        c.onTrap((hart, time, cause, irq, epc, tval) -> see(TRAP, hart, time, cause, irq ? 1 : 0, epc, tval));
        c.onHartStart((hart, time) -> starts++);
        c.onHartStop((hart, time) -> stops++);
        c.onTimeTravel((e, time) -> travel[e.ordinal()]++);
    }
}
