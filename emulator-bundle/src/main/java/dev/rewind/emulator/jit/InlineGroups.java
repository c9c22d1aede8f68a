package dev.rewind.emulator.jit;

import dev.rewind.emulator.plugin.Probes;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where translated code groups the instruction-level inline additions of a block: a group starts at the block's
 * first instruction and after each group end, and all of its additions are made at once, before its first
 * instruction runs. A group ends at the block's last instruction, at an instruction with memory callbacks, at an
 * instruction with execution callbacks and before one (a callback, conditional ones included, sees exactly the
 * additions of the instructions up to its own). Instructions that may leave the block early (memory accesses,
 * atomics, which may trap or cut) do not end a group: when one leaves early, the additions of the group's
 * instructions after it are taken back ({@code JitCode.unadd}), so counters always equal those of the interpreter,
 * which adds instruction by instruction.
 *
 * <p>Counters {@link #counted counted by instructions} are never added ahead, so nothing is taken back from them.
 */
public final class InlineGroups {
    private InlineGroups() {
    }

    /** Whether instruction {@code i} of a block of {@code n} instructions ends its group. */
    public static boolean ends(Probes p, int n, int i) {
        return i == n - 1 || p.hasMem(i) || p.hasInsnCallbacks(i) || p.hasInsnCallbacks(i + 1);
    }

    /**
     * The counters translated code counts by instructions in a region whose blocks have the probes {@code probes}:
     * every instruction of every block adds the same amount to the counter (and no block-level addition does), so
     * what was added is that amount times the instructions run, which the region counts anyway (an amount of 0 never counts). By counter number
     * ({@code CounterImpl.number}), the amount per instruction; empty when a block has no probes.
     */
    public static Map<Integer, Long> counted(List<Probes> probes) {
        Map<Integer, Long> per = new LinkedHashMap<>();
        Set<Integer> not = new HashSet<>();
        for (Probes p : probes) {
            if (p == null) {
                return Map.of();
            }
            for (int j = 0; j < p.blockInlines(); j++) {
                not.add(p.blockCounter(j).number);
            }
            for (int i = 0; i < p.size(); i++) {
                for (int q = 0; q < p.insnInlines(i); q++) {
                    per.putIfAbsent(p.insnCounter(i, q).number, null);
                }
            }
        }
        for (Probes p : probes) {
            for (int i = 0; i < p.size(); i++) {
                Map<Integer, Long> sums = new LinkedHashMap<>();
                for (int q = 0; q < p.insnInlines(i); q++) {
                    sums.merge(p.insnCounter(i, q).number, p.insnAdd(i, q), Long::sum);
                }
                for (Map.Entry<Integer, Long> e : per.entrySet()) {
                    long v = sums.getOrDefault(e.getKey(), 0L);
                    if (e.getValue() == null) {
                        e.setValue(v);
                    } else if (e.getValue() != v) {
                        not.add(e.getKey());
                    }
                }
            }
        }
        per.keySet().removeAll(not);
        per.values().removeIf(v -> v == null || v == 0);
        return per;
    }
}
