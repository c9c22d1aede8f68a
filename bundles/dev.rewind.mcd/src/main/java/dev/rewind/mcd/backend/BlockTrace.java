package dev.rewind.mcd.backend;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.cpu.Instrumentation;
import dev.rewind.emulator.isa.Decoded;
import java.util.List;

/**
 * The instruction trace's hook into the machine: an instrumentation that reports each executed block (its pcs,
 * encodings and lengths, decoded once at translation) to the {@link Engine.TraceHook}. At most one at a time.
 */
final class BlockTrace {
    private final Machine machine;
    private Instrumentation installed;

    BlockTrace(Machine machine) {
        this.machine = machine;
    }

    /** Replaces the hook; null removes it. */
    void set(Engine.TraceHook hook) {
        if (installed != null) {
            machine.removeInstrumentation(installed);
            installed = null;
        }
        if (hook == null) {
            return;
        }
        installed = block -> {
            List<Decoded> insns = block.instructions();
            int n = insns.size();
            long[] pcs = new long[n];
            int[] bits = new int[n];
            int[] lengths = new int[n];
            for (int i = 0; i < n; i++) {
                pcs[i] = block.pcOf(i);
                bits[i] = insns.get(i).bits();
                lengths[i] = insns.get(i).length();
            }
            block.onExecute((hartId, pc) -> hook.block(hartId, pcs, bits, lengths, machine.retired(hartId)));
        };
        machine.addInstrumentation(installed);
    }
}
