package dev.rewind.dap.trace;

import dev.rewind.bus.EventBus;
import dev.rewind.dap.ProgramSymbols;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.SessionListener;
import dev.rewind.trace.TraceBatch;
import dev.rewind.trace.TraceCut;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Forwards a traced session's trace (bus topics {@code dev/rewind/trace/*} with {@code trace} = the session id) to
 * one DAP client as the custom events {@code rewind/trace} ({@code {entries: [{hart, time, kind, text}]}}) and
 * {@code rewind/traceCut} ({@code {time}}), following the session's "now": the client gets the entries up to now
 * (at most the last {@value #PER_STOP} new ones per stop); when time travel moves now back, or the past is changed, a
 * {@code traceCut} tells it to drop what is later, and running forward again sends them anew from here (the
 * session's trace never posts replayed execution).
 */
public final class TraceForwarder implements SessionListener, AutoCloseable {
    /** New entries sent per stop at most. */
    public static final int PER_STOP = 300;

    /** Body of {@code rewind/trace}. */
    public record Entries(List<TraceEntries.Entry> entries) {
    }

    /** Body of {@code rewind/traceCut}. */
    public record Cut(long time) {
    }

    private final String session;
    private final BiConsumer<String, Object> events;
    private final TraceEntries entries;
    private final List<EventBus.Subscription> subscriptions;
    private final AutoCloseable listener;
    private long now;
    private boolean stopped = true;

    /**
     * Starts forwarding {@code session}'s trace from {@code bus} to {@code events} ({@code (event name, body)}).
     */
    public TraceForwarder(DebugSession session, EventBus bus, ProgramSymbols symbols,
            BiConsumer<String, Object> events) {
        this.session = session.id();
        this.events = events;
        this.entries = new TraceEntries(symbols);
        this.now = session.lastStop().time();
        this.subscriptions = List.of(bus.subscribe(TraceBatch.class, this::batch),
                bus.subscribe(TraceCut.class, this::cut));
        this.listener = session.addListener(this);
    }

    /**
     * Forwards {@code session}'s trace to the connection's client, or tells the client (console output) why it cannot
     * and returns a handle that does nothing.
     */
    public static AutoCloseable open(dev.rewind.dap.DapContext context, DebugSession session) {
        String why = context.bus() == null ? "this runtime has no event bus"
                : !session.config().instrumentation().containsKey("trace")
                        ? "session " + session.id() + " was not launched with a trace" : null;
        if (why != null) {
            org.eclipse.lsp4j.debug.services.IDebugProtocolClient client = context.client();
            if (client != null) {
                org.eclipse.lsp4j.debug.OutputEventArguments out = new org.eclipse.lsp4j.debug.OutputEventArguments();
                out.setCategory(org.eclipse.lsp4j.debug.OutputEventArgumentsCategory.CONSOLE);
                out.setOutput("rewind: no trace events: " + why + "\n");
                client.output(out);
            }
            return () -> { };
        }
        return new TraceForwarder(session, context.bus(), new ProgramSymbols(session.symbols().orElse(null)),
                context::customEvent);
    }

    @Override
    public synchronized void onEvent(SessionEvent event) {
        switch (event) {
            case SessionEvent.Running r -> stopped = false;
            case SessionEvent.Stopped s -> at(s.stop().time());
            case SessionEvent.Invalidated i -> at(i.time());
            default -> {
            }
        }
    }

    private void at(long time) {
        stopped = true;
        boolean back = time < now;
        now = time;
        if (entries.unsend(now) || back) { // the client drops what is later, its own stop entries too
            events.accept("rewind/traceCut", new Cut(now));
        }
        send(entries.take(now, PER_STOP));
    }

    private synchronized void batch(TraceBatch b) {
        if (!b.trace().equals(session)) {
            return;
        }
        entries.add(b);
        if (stopped) { // a batch flushed for a stop the client has already heard of
            send(entries.take(now, PER_STOP));
        }
    }

    private synchronized void cut(TraceCut c) {
        if (c.trace().equals(session) && entries.cut(c.time())) {
            events.accept("rewind/traceCut", new Cut(c.time()));
        }
    }

    private void send(List<TraceEntries.Entry> list) {
        if (!list.isEmpty()) {
            events.accept("rewind/trace", new Entries(list));
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        try {
            listener.close();
        } catch (Exception e) {
            System.err.println("rewind dap: removing the trace listener failed: " + e);
        }
    }
}
