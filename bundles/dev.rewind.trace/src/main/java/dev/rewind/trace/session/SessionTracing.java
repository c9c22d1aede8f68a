package dev.rewind.trace.session;

import dev.rewind.bus.EventBus;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.DebugSessions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final Map<String, SessionTrace> traces = new HashMap<>();
    private final Consumer<Record> post;
    private final AutoCloseable watch;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus bus;

    @Activate
    public SessionTracing(@Reference DebugSessions sessions) {
        this(sessions, null);
    }

    /** @param post where batches go; null: the DS-injected bus */
    public SessionTracing(DebugSessions sessions, Consumer<Record> post) {
        this.post = post != null ? post : r -> {
            EventBus b = bus;
            if (b != null) {
                b.post(r);
            }
        };
        this.watch = sessions.onSessions(this::sessions);
        sessions(sessions.sessions());
    }

    /** The trace of session {@code id}, if it is traced. */
    public synchronized java.util.Optional<SessionTrace> trace(String id) {
        return java.util.Optional.ofNullable(traces.get(id));
    }

    private synchronized void sessions(List<DebugSession> now) {
        Set<String> ids = new HashSet<>();
        for (DebugSession s : now) {
            ids.add(s.id());
            String what = s.config().instrumentation().get("trace");
            if (what != null && !traces.containsKey(s.id()) && !s.ended()) {
                try {
                    traces.put(s.id(), SessionTrace.attach(s, what, post));
                } catch (Exception e) {
                    System.err.println("rewind: cannot trace session " + s.id() + ": " + e.getMessage());
                }
            }
        }
        traces.keySet().removeIf(id -> {
            if (ids.contains(id)) {
                return false;
            }
            traces.get(id).close();
            return true;
        });
    }

    @Deactivate
    @Override
    public synchronized void close() {
        try {
            watch.close();
        } catch (Exception e) {
            System.err.println("rewind: session tracing: " + e.getMessage());
        }
        traces.values().forEach(SessionTrace::close);
        traces.clear();
    }
}
