package dev.rewind.emulator.plugin;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The inline counters of one machine's plugins: numbers them in creation order ({@link CounterImpl#number}, part of
 * translation keys), knows which counters are its own (an addition to another machine's counter is refused), and
 * switches every counter's additions between its live and its scratch cells as the machine starts and ends replaying
 * history. Machine thread only.
 */
final class CounterBank {
    private final int harts;
    private final Set<CounterImpl> counters = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The number the next counter gets. */
    private int next;
    private boolean replaying;

    CounterBank(int harts) {
        this.harts = harts;
    }

    CounterImpl create(String name) {
        CounterImpl c = new CounterImpl(name, harts, next++);
        c.replaying(replaying);
        counters.add(c);
        return c;
    }

    boolean owns(CounterImpl c) {
        return counters.contains(c);
    }

    boolean replaying() {
        return replaying;
    }

    /** Additions go to scratch cells while {@code r} (replayed execution is not counted), else to the live ones. */
    void replaying(boolean r) {
        replaying = r;
        for (CounterImpl c : counters) {
            c.replaying(r);
        }
    }
}
