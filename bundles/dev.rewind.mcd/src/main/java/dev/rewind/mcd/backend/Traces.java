package dev.rewind.mcd.backend;

import dev.rewind.mcd.instrument.TraceSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A target's traces: the instruction trace of every hart (a ring each, fed by the engine's block hook while it is
 * on) and the plugins' traces shown beside it (trace ids from 2).
 */
final class Traces {
    /** Traces of plugins shown beside the instruction trace. */
    final List<TraceSource> sources = new CopyOnWriteArrayList<>();
    private final Engine engine;
    private final TraceRing[] rings;
    private boolean on;

    Traces(Engine engine, int capacity) {
        this.engine = engine;
        this.rings = new TraceRing[engine.harts()];
        for (int i = 0; i < rings.length; i++) {
            rings[i] = new TraceRing(i, capacity, Layout.MEM_PHYSICAL);
        }
    }

    TraceRing ring(int hart) {
        return rings[hart];
    }

    void clear() {
        for (TraceRing r : rings) {
            r.clear();
        }
    }

    /** Brings every ring up to its hart's retired count (the machine stopped). */
    void flush() {
        for (int h = 0; h < rings.length; h++) {
            rings[h].flush(engine.retired(h));
        }
    }

    /** Turns the instruction trace on or off (every hart together). */
    void set(boolean on) {
        if (on != this.on) {
            this.on = on;
            engine.traceHook(on ? this::block : null);
        }
    }

    boolean on() {
        return on;
    }

    /** Called on the machine thread by the engine's trace hook. */
    private void block(int hart, long[] pcs, int[] bits, int[] lengths, long retired) {
        rings[hart].enter(pcs, bits, lengths, retired);
    }
}
