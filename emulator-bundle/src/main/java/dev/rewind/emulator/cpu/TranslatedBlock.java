package dev.rewind.emulator.cpu;

import dev.rewind.emulator.isa.Decoded;
import java.util.ArrayList;
import java.util.List;

/** The view of a block that {@link Instrumentation} gets at translation time. Valid only during the callback. */
public final class TranslatedBlock {
    private final long pc;
    private final List<Decoded> insns;
    private final long[] pcs;
    private final List<BlockExecCallback> callbacks = new ArrayList<>();

    TranslatedBlock(long pc, List<Decoded> insns, long[] pcs) {
        this.pc = pc;
        this.insns = List.copyOf(insns);
        this.pcs = pcs;
    }

    public long pc() {
        return pc;
    }

    public List<Decoded> instructions() {
        return insns;
    }

    /** The pc of instruction {@code i} of the block. */
    public long pcOf(int i) {
        return pcs[i];
    }

    /** Runs {@code cb} every time this block is entered (also when a quantum ends inside it). */
    public void onExecute(BlockExecCallback cb) {
        callbacks.add(cb);
    }

    BlockExecCallback[] callbacks() {
        return callbacks.isEmpty() ? null : callbacks.toArray(BlockExecCallback[]::new);
    }
}
