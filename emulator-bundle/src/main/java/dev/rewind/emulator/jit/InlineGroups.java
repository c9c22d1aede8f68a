package dev.rewind.emulator.jit;

import dev.rewind.emulator.plugin.Probes;

/**
 * Where translated code groups the instruction-level inline additions of a block: a group starts at the block's
 * first instruction and after each group end, and all of its additions are made at once, before its first
 * instruction runs. A group ends at the block's last instruction, at an instruction with memory callbacks, at an
 * instruction with execution callbacks and before one (a callback, conditional ones included, sees exactly the
 * additions of the instructions up to its own). Instructions that may leave the block early (memory accesses, atomics, which may trap or cut) do not end
 * a group: when one leaves early, the additions of the group's instructions after it are taken back
 * ({@code JitCode.unadd}), so counters always equal those of the interpreter, which adds instruction by instruction.
 */
public final class InlineGroups {
    private InlineGroups() {
    }

    /** Whether instruction {@code i} of a block of {@code n} instructions ends its group. */
    public static boolean ends(Probes p, int n, int i) {
        return i == n - 1 || p.hasMem(i) || p.hasInsnCallbacks(i) || p.hasInsnCallbacks(i + 1);
    }
}
