package dev.rewind.trace.session;

import dev.rewind.bus.EventBus;
import dev.rewind.debug.DebugSessions;
import dev.rewind.debug.PerSession;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Traces the debug sessions that ask for it ({@code LaunchConfig.withInstrumentation("trace", ITEMS)}): a
 * {@link SessionTrace} per such session from its creation (before it runs) to its end, batches on the event bus
 * with {@code trace} = the session id (bundles/dev.rewind.bus/TOPICS.md). A DS component in the runtime, or
 * {@code new SessionTracing(sessions, bus::post)} anywhere else.
 */
@Component(service = SessionTracing.class, immediate = true)
public final class SessionTracing implements AutoCloseable {
    private final PerSession<SessionTrace> traces;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus bus;

    @Activate
    public SessionTracing(@Reference DebugSessions sessions) {
        this(sessions, null);
    }

    /** @param post where batches go; null: the DS-injected bus */
    public SessionTracing(DebugSessions sessions, Consumer<Record> post) {
        Consumer<Record> to = post != null ? post : r -> {
            EventBus b = bus;
            if (b != null) {
                b.post(r);
            }
        };
        this.traces = new PerSession<>(sessions, "trace", s -> s.config().instrumentation().get("trace") != null,
                s -> SessionTrace.attach(s, s.config().instrumentation().get("trace"), to));
    }

    /** The trace of session {@code id}, if it is traced. */
    public java.util.Optional<SessionTrace> trace(String id) {
        return traces.get(id);
    }

    @Deactivate
    @Override
    public void close() {
        traces.close();
    }
}
