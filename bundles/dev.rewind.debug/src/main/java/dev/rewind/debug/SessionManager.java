package dev.rewind.debug;

import dev.rewind.debug.internal.Sessions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The runtime's {@link DebugSessions}: a DS component in OSGi, or {@code new SessionManager()} anywhere else
 * (tests, tools). Ending the component ends every session.
 */
@Component(service = DebugSessions.class)
public final class SessionManager implements DebugSessions {
    private final Sessions sessions = new Sessions();
    private volatile dev.rewind.bus.EventBus bus;

    public SessionManager() {
        sessions.onCreate(s -> {
            dev.rewind.bus.EventBus b = bus;
            if (b != null) {
                b.post(new dev.rewind.debug.bus.SessionBusEvents.Started(s.id(), s.program().toString(), s.harts()));
            }
            s.addListener(e -> {
                dev.rewind.bus.EventBus now = bus;
                if (now != null) {
                    now.post(dev.rewind.debug.bus.SessionBusEvents.of(e));
                }
            });
        });
    }

    /** The event bus, when there is one: every session event is also posted there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setBus(dev.rewind.bus.EventBus b) {
        bus = b;
    }

    void unsetBus(dev.rewind.bus.EventBus b) {
        if (bus == b) {
            bus = null;
        }
    }

    @Override
    public CompletableFuture<DebugSession> launch(LaunchConfig config) {
        return sessions.launch(config);
    }

    @Override
    public CompletableFuture<DebugSession> openRecording(Path recording, Path program,
            java.util.Map<String, String> instrumentation) {
        return sessions.openRecording(recording, program, instrumentation);
    }

    @Override
    public RecordingInfo readRecording(Path file) {
        return sessions.readRecording(file);
    }

    @Override
    public List<DebugSession> sessions() {
        return sessions.list();
    }

    @Override
    public Optional<DebugSession> session(String id) {
        return sessions.find(id);
    }

    @Override
    public AutoCloseable onSessions(Consumer<List<DebugSession>> listener) {
        return sessions.onChange(listener);
    }

    /** Ends every session. */
    @Deactivate
    public void close() {
        sessions.endAll();
    }
}
