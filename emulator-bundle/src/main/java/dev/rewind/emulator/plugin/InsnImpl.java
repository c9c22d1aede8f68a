package dev.rewind.emulator.plugin;

import dev.rewind.plugin.api.Cond;
import dev.rewind.plugin.api.Counter;
import dev.rewind.plugin.api.ExecCallback;
import dev.rewind.plugin.api.Instruction;
import dev.rewind.plugin.api.MemCallback;
import dev.rewind.plugin.api.MemFilter;

/** Instruction {@code i} of a {@link TbImpl}; shares its lifetime. */
final class InsnImpl implements Instruction {
    private final TbImpl tb;
    private final int i;

    InsnImpl(TbImpl tb, int i) {
        this.tb = tb;
        this.i = i;
    }

    @Override
    public long pc() {
        tb.check();
        return tb.pcOf(i);
    }

    @Override
    public int bits() {
        tb.check();
        return tb.decoded(i).bits();
    }

    @Override
    public int length() {
        tb.check();
        return tb.decoded(i).length();
    }

    @Override
    public String disassembly() {
        tb.check();
        return tb.disassemble(i);
    }

    @Override
    public boolean accessesMemory() {
        tb.check();
        return tb.memOp(i);
    }

    @Override
    public int memoryAccess() {
        tb.check();
        return tb.memKind(i);
    }

    @Override
    public void onExec(ExecCallback cb) {
        tb.insnExec(i, cb);
    }

    @Override
    public void onExecIf(Counter counter, Cond cond, long value, ExecCallback cb) {
        ExecCallback c = tb.conditional(counter, cond, value, cb);
        if (c != null) {
            tb.insnExec(i, c);
        }
    }

    @Override
    public void inlineAdd(Counter counter, long n) {
        tb.insnInline(i, counter, n);
    }

    @Override
    public void onMem(MemFilter filter, MemCallback cb) {
        tb.insnMem(i, filter, cb);
    }
}
