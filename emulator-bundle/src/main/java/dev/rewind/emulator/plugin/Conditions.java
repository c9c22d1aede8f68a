package dev.rewind.emulator.plugin;

import dev.rewind.plugin.api.ExecCallback;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditional callbacks of one block's probes, by call index (block entry first, then instruction by
 * instruction, each in registration order, as {@link Probes#hooks}): which calls are conditional, and the
 * counters they test, one per conditional call, in call order (the last entries of {@link Probes#counters()}).
 */
final class Conditions {
    private final CondExec[] conds;
    private final List<CounterImpl> counters = new ArrayList<>();

    Conditions(List<Hook<ExecCallback>> blockCbs, List<Hook<ExecCallback>>[] insnCbs) {
        List<CondExec> cs = new ArrayList<>();
        for (Hook<ExecCallback> h : blockCbs) {
            cs.add(h.cb() instanceof CondExec c ? c : null);
        }
        for (List<Hook<ExecCallback>> l : insnCbs) {
            for (Hook<ExecCallback> h : l == null ? List.<Hook<ExecCallback>>of() : l) {
                cs.add(h.cb() instanceof CondExec c ? c : null);
            }
        }
        this.conds = cs.toArray(CondExec[]::new);
        for (CondExec c : conds) {
            if (c != null) {
                counters.add(c.counter());
            }
        }
    }

    CondExec at(int call) {
        return conds[call];
    }

    /** The tested counters, in call order. */
    List<CounterImpl> counters() {
        return counters;
    }

    /** How many of the calls before {@code call} are conditional. */
    int before(int call) {
        int n = 0;
        for (int q = 0; q < call; q++) {
            n += conds[q] != null ? 1 : 0;
        }
        return n;
    }

    /** The translation key's words: condition and value per call. */
    void shape(List<Long> w) {
        for (CondExec c : conds) {
            w.add(c == null ? -1L : c.cond().ordinal());
            w.add(c == null ? 0 : c.value());
        }
    }
}
