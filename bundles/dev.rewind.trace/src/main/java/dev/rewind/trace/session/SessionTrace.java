package dev.rewind.trace.session;

import dev.rewind.debug.DebugSession;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.instrument.Instrumentation;
import dev.rewind.mcd.instrument.Instrumentations;
import dev.rewind.symbols.Symbols;
import dev.rewind.trace.Trace;
import dev.rewind.trace.TraceOptions;
import dev.rewind.trace.TraceRecorder;
import java.util.function.Consumer;

/**
 * One debug session's trace: a {@link TraceRecorder} (label = the session id) installed into the session's machine
 * through the MCD back end's {@link Instrumentation}, its partial batches sent every time the machine stops; the
 * MCD trace functions show it too (trace 2 of every core, {@link McdTraceSource}).
 */
public final class SessionTrace implements AutoCloseable {
    /** Ring buffers of a session's trace, all harts together. */
    public static final long BUDGET = 16L << 20;
    /** What {@code trace: true} traces. */
    public static final String DEFAULT_ITEMS = "calls,traps";

    private final TraceRecorder recorder;
    private final Instrumentation machine;
    private final AutoCloseable onStop;
    private final AutoCloseable mcdTrace;

    private SessionTrace(TraceRecorder recorder, Instrumentation machine, AutoCloseable onStop,
            AutoCloseable mcdTrace) {
        this.recorder = recorder;
        this.machine = machine;
        this.onStop = onStop;
        this.mcdTrace = mcdTrace;
    }

    /**
     * Installs a recorder of {@code what} ({@code rewind trace --what} items, or {@code true}) into {@code session}'s
     * machine, with the session's symbols (functions, {@code mem=SYMBOL}); a session opened from a recording is run
     * through its history first, so the trace holds the recording's timeline from the start ({@link
     * TraceRecorder#catchUp}).
     *
     * @throws IllegalArgumentException bad items (mem=SYMBOL of a symbol the session does not have), or a refused
     *                                  recorder
     */
    static SessionTrace attach(DebugSession session, String what, Consumer<Record> post) throws McdException {
        // without symbols (the debug services could not read them) calls are not traced and mem=SYMBOL is refused
        java.util.Optional<Symbols> symbols = session.symbols();
        String items = what.isBlank() || what.equals("true") ? DEFAULT_ITEMS : what;
        TraceOptions options = TraceOptions.parse(items,
                name -> symbols.flatMap(s -> SessionSymbols.range(s, name)), BUDGET);
        TraceRecorder rec = new TraceRecorder(session.id(), options,
                symbols.map(SessionSymbols::functions).orElse(java.util.Map.of()), post);
        McdApi api = session.adapt(McdApi.class)
                .orElseThrow(() -> new IllegalArgumentException("session " + session.id() + " has no MCD API"));
        Instrumentation in = Instrumentations.of(api)
                .orElseThrow(() -> new IllegalArgumentException("the MCD back end offers no instrumentation"));
        AutoCloseable hook = in.onStop(rec::flush);
        java.util.Optional<String> refused = in.install(rec);
        if (refused.isPresent()) {
            close(hook);
            throw new IllegalArgumentException(refused.get());
        }
        SessionTrace trace = new SessionTrace(rec, in, hook, in.addTrace(new McdTraceSource(rec, items)));
        try {
            // a session opened from a recording has history ahead of time 0 that ran before the trace was there
            rec.catchUp(in::runThroughHistory);
        } catch (McdException | RuntimeException e) {
            trace.close();
            throw e;
        }
        return trace;
    }

    /** The events held now (call while the session is stopped). */
    public Trace snapshot() {
        return recorder.snapshot();
    }

    @Override
    public void close() {
        close(mcdTrace);
        close(onStop);
        try {
            machine.uninstall(recorder);
        } catch (McdException | RuntimeException e) {
            // the machine ended with its session: nothing left to uninstall from
            System.err.println("rewind: a session trace was not uninstalled: " + e.getMessage());
        }
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException("removing a stop hook failed", e);
        }
    }
}
