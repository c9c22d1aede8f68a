package dev.rewind.trace;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.plugin.api.Instruction;
import dev.rewind.plugin.api.MemCallback;
import dev.rewind.plugin.api.MemFilter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import dev.rewind.plugin.api.TimeTravelEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The trace as a plugin: install it into one machine. Records live execution only (replayed history is in the
 * rings already), and history it has not seen when it is run through for it ({@link #catchUp}: a session opened
 * from a recording); when the past is changed, events after the change are forgotten and a {@link TraceCut} posted.
 * With a bus sink, events also go out as {@link TraceBatch}es of up to {@value #BATCH} per hart ({@link #flush()}
 * sends the partial ones: call it when the machine stops).
 */
public final class TraceRecorder implements RewindPlugin {
    static final int BATCH = 4096;
    private static final int RET = 0x00008067;
    private static final int C_RET = 0x8082;

    private final String label;
    private final TraceOptions options;
    private final Map<Long, String> functions;
    private final Consumer<Record> bus;
    private PluginContext ctx;
    private EventRing[] rings;
    private Batch[] pending;
    private long sequence;
    /** Running through history this trace has not seen yet ({@link #catchUp}): replay is recorded. */
    private boolean catchingUp;
    /** Full batches of a catch-up, posted at the next {@link #flush()}. */
    private final java.util.ArrayDeque<TraceBatch> held = new java.util.ArrayDeque<>();
    private long heldEvents;

    /** @param bus where batches go ({@code EventBus::post}), or null */
    public TraceRecorder(String label, TraceOptions options, Map<Long, String> functions, Consumer<Record> bus) {
        this.label = label;
        this.options = options;
        this.functions = Map.copyOf(functions);
        this.bus = bus;
    }

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public void install(PluginContext c) {
        if (ctx != null) {
            throw new IllegalStateException("a TraceRecorder traces one machine; make another for " + label);
        }
        ctx = c;
        int cap = (int) Math.max(1024, Math.min(Integer.MAX_VALUE - 8,
                options.budgetBytes() / EventRing.EVENT_BYTES / c.harts()));
        rings = new EventRing[c.harts()];
        pending = new Batch[c.harts()];
        for (int h = 0; h < rings.length; h++) {
            rings[h] = new EventRing(cap);
            pending[h] = new Batch();
        }
        if (bus != null && options.calls()) {
            bus.accept(new TraceFunctions(label, functions.keySet().stream().mapToLong(Long::longValue).toArray(),
                    String.join("\n", functions.keySet().stream().map(functions::get).toList())));
        }
        c.onTranslate(tb -> {
            long pc = tb.pc();
            int n = tb.size();
            if (options.blocks()) {
                tb.onExec((hart, time) -> record(hart, time, EventKind.BLOCK.code(), pc, n));
            }
            if (options.calls() && functions.containsKey(pc)) {
                tb.onExec((hart, time) -> record(hart, time, EventKind.ENTRY.code(), pc, 0));
            }
            for (int i = 0; i < n; i++) {
                Instruction in = tb.insn(i);
                long ipc = in.pc();
                if (options.calls() && (in.bits() == RET || in.bits() == C_RET)) {
                    in.onExec((hart, time) -> record(hart, time, EventKind.RETURN.code(), ipc, 0));
                }
                if (!options.mem().isEmpty() && in.accessesMemory()) {
                    in.onMem(MemFilter.ALL, this::memory);
                } else if (options.uart() && (in.memoryAccess() & MemCallback.STORE) != 0) {
                    in.onMem(MemFilter.STORES, this::memory);
                }
            }
        });
        if (options.traps()) {
            c.onTrap((hart, time, cause, irq, epc, tval) ->
                    record(hart, time, (irq ? EventKind.INTERRUPT : EventKind.EXCEPTION).code(), epc, cause));
        }
        c.onHartStop((hart, time) -> record(hart, time, EventKind.EXIT.code(), 0, 0));
        c.onTimeTravel((e, time) -> {
            if (e == TimeTravelEvent.TIMELINE_CUT) {
                cut(time);
            }
        });
    }

    private void memory(int hart, long time, long addr, int size, int kind, long value) {
        if (options.uart() && addr == MachineConfig.UART_BASE && (kind & MemCallback.STORE) != 0 && size == 1) {
            record(hart, time, EventKind.UART.code(), value, 0);
        }
        for (TraceOptions.MemRange r : options.mem()) {
            if (r.overlaps(addr, size)) {
                if ((kind & MemCallback.LOAD) != 0) {
                    record(hart, time, EventKind.LOAD.code(size), addr, value);
                }
                if ((kind & MemCallback.STORE) != 0) {
                    record(hart, time, EventKind.STORE.code(size), addr, value);
                }
                return;
            }
        }
    }

    /** Something that runs the machine and may fail. */
    @FunctionalInterface
    public interface Pass<E extends Exception> {
        void run() throws E;
    }

    /**
     * Runs {@code pass}, which runs the machine through history this trace has not seen (it was made before the
     * trace was installed: a session opened from a recording), recording that replayed execution as if it were live.
     * The pass must run the history once, in time order, from where the trace was installed. Its batches are held
     * until the next {@link #flush()} (the first stop), so that front ends that subscribe after the session opened
     * get them too; at most the rings' capacity of them, the oldest dropped first.
     */
    public <E extends Exception> void catchUp(Pass<E> pass) throws E {
        catchingUp = true;
        try {
            pass.run();
        } finally {
            catchingUp = false;
        }
    }

    private void record(int hart, long time, int kind, long a, long b) {
        if (ctx.replaying() && !catchingUp) {
            return;
        }
        rings[hart].add(time, kind, a, b);
        if (bus != null && pending[hart].add(time, kind, a, b)) {
            flush(hart);
        }
    }

    private void cut(long time) {
        for (int h = 0; h < rings.length; h++) {
            rings[h].truncateAfter(time);
            pending[h].truncateAfter(time);
        }
        if (bus != null) {
            postHeld();
            bus.accept(new TraceCut(label, time));
        }
    }

    /** Sends the partial batches (machine thread). */
    public void flush() {
        if (bus != null && pending != null) {
            postHeld();
            for (int h = 0; h < pending.length; h++) {
                flush(h);
            }
        }
    }

    private void flush(int hart) {
        Batch p = pending[hart];
        if (p.n > 0) {
            TraceBatch b = p.take(label, hart, sequence++);
            if (catchingUp) {
                held.add(b);
                heldEvents += b.times().length;
                while (heldEvents > (long) rings[0].capacity() * rings.length) {
                    heldEvents -= held.removeFirst().times().length;
                }
            } else {
                bus.accept(b);
            }
        }
    }

    private void postHeld() {
        while (!held.isEmpty()) {
            bus.accept(held.removeFirst());
        }
        heldEvents = 0;
    }

    /** The events of one hart held now (machine thread, or with the machine stopped). */
    public Lane lane(int hart) {
        return rings[hart].snapshot(hart);
    }

    /** The events held now (machine thread, or after the run). */
    public Trace snapshot() {
        List<Lane> lanes = new ArrayList<>();
        for (int h = 0; h < rings.length; h++) {
            lanes.add(rings[h].snapshot(h));
        }
        long end = 0;
        for (Lane l : lanes) {
            end = Math.max(end, l.size() == 0 ? 0 : l.time()[l.size() - 1]);
        }
        return new Trace(label, ctx.xlen(), end, lanes, functions);
    }

    /** Events of one hart not yet sent. */
    private static final class Batch {
        long[] t = new long[BATCH];
        long[] k = new long[BATCH];
        long[] a = new long[BATCH];
        long[] b = new long[BATCH];
        int n;

        /** Adds; true when full. */
        boolean add(long time, int kind, long va, long vb) {
            t[n] = time;
            k[n] = kind;
            a[n] = va;
            b[n] = vb;
            return ++n == BATCH;
        }

        void truncateAfter(long time) {
            while (n > 0 && t[n - 1] > time) {
                n--;
            }
        }

        TraceBatch take(String label, int hart, long seq) {
            TraceBatch out = new TraceBatch(label, hart, seq, java.util.Arrays.copyOf(t, n),
                    java.util.Arrays.copyOf(k, n), java.util.Arrays.copyOf(a, n), java.util.Arrays.copyOf(b, n));
            n = 0;
            return out;
        }
    }
}
