package dev.rewind.plugins.internal;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.DebugSessions;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.instrument.Instrumentation;
import dev.rewind.mcd.instrument.Instrumentations;
import dev.rewind.plugins.PluginRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Installs the registered plugins into the debug sessions that ask for them
 * ({@code LaunchConfig.withInstrumentation("plugins", "true")}) from their creation to their end; reports on the bus
 * ({@code dev/rewind/plugin/report}, machine = the session id). Plugins see live execution and replays apart
 * ({@code PluginContext.replaying()}), so a session's time travel does not double their counts.
 */
@Component(service = SessionPlugins.class, immediate = true)
public final class SessionPlugins implements AutoCloseable {
    private final PluginRegistry registry;
    private final Map<String, PluginRegistry.Attachment> attached = new HashMap<>();
    private final AutoCloseable watch;

    @Activate
    public SessionPlugins(@Reference DebugSessions sessions, @Reference PluginRegistry registry) {
        this.registry = registry;
        this.watch = sessions.onSessions(this::sessions);
        sessions(sessions.sessions());
    }

    private synchronized void sessions(List<DebugSession> now) {
        Set<String> ids = new HashSet<>();
        for (DebugSession s : now) {
            ids.add(s.id());
            if (wanted(s) && !attached.containsKey(s.id()) && !s.ended()) {
                try {
                    McdApi api = s.adapt(McdApi.class).orElseThrow(() -> new IllegalStateException("no MCD API"));
                    Instrumentation in = Instrumentations.of(api)
                            .orElseThrow(() -> new IllegalStateException("the MCD back end offers no instrumentation"));
                    attached.put(s.id(), registry.attach(in, s.id(), (plugin, line) -> { }));
                } catch (Exception e) {
                    System.err.println("rewind: no plugins in session " + s.id() + ": " + e.getMessage());
                }
            }
        }
        attached.keySet().removeIf(id -> {
            if (ids.contains(id)) {
                return false;
            }
            attached.get(id).close();
            return true;
        });
    }

    static boolean wanted(DebugSession s) {
        String v = s.config().instrumentation().get("plugins");
        return v != null && !v.equals("false");
    }

    /** Whether session {@code id} has the plugins. */
    synchronized boolean attached(String id) {
        return attached.containsKey(id);
    }

    @Deactivate
    @Override
    public synchronized void close() {
        try {
            watch.close();
        } catch (Exception e) {
            System.err.println("rewind: session plugins: " + e.getMessage());
        }
        attached.values().forEach(PluginRegistry.Attachment::close);
        attached.clear();
    }
}
