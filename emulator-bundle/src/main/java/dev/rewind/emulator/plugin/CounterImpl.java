package dev.rewind.emulator.plugin;

import dev.rewind.plugin.api.Counter;

/**
 * A per-hart counter of inline operations. Translated code adds to {@link #cells} directly (one array element per
 * hart); while the machine replays history {@code cells} is a scratch array, so replayed execution is not counted
 * and live execution is counted once.
 */
public final class CounterImpl implements Counter {
    private final String name;
    /**
     * The live cells (what {@link #get} reads and conditional callbacks test, also while replaying): read by
     * translated code's inline conditions.
     */
    public final long[] live;
    private final long[] scratch;
    /** The array inline additions go to now: read by translated code on every addition. */
    public long[] cells;

    /**
     * Unique among the counters of one machine, in creation order: what translation keys and translated code tell
     * counters apart by (two inline additions to one counter may be summed in a local).
     */
    public final int number;

    CounterImpl(String name, int harts, int number) {
        this.name = name;
        this.number = number;
        this.live = new long[harts];
        this.scratch = new long[harts];
        this.cells = live;
    }

    void replaying(boolean r) {
        cells = r ? scratch : live;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long get(int hart) {
        return live[hart];
    }

    @Override
    public long sum() {
        long s = 0;
        for (long v : live) {
            s += v;
        }
        return s;
    }
}
