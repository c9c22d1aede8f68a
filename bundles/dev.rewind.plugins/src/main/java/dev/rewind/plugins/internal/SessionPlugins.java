package dev.rewind.plugins.internal;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.DebugSessions;
import dev.rewind.debug.PerSession;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.instrument.Instrumentation;
import dev.rewind.mcd.instrument.Instrumentations;
import dev.rewind.plugins.PluginRegistry;
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
    private final PerSession<PluginRegistry.Attachment> attached;

    @Activate
    public SessionPlugins(@Reference DebugSessions sessions, @Reference PluginRegistry registry) {
        this.attached = new PerSession<>(sessions, "plugins", SessionPlugins::wanted, s -> {
            McdApi api = s.adapt(McdApi.class).orElseThrow(() -> new IllegalStateException("no MCD API"));
            Instrumentation in = Instrumentations.of(api)
                    .orElseThrow(() -> new IllegalStateException("the MCD back end offers no instrumentation"));
            return registry.attach(in, s.id(), (plugin, line) -> { });
        });
    }

    static boolean wanted(DebugSession s) {
        String v = s.config().instrumentation().get("plugins");
        return v != null && !v.equals("false");
    }

    /** Whether session {@code id} has the plugins. */
    boolean attached(String id) {
        return attached.get(id).isPresent();
    }

    @Deactivate
    @Override
    public void close() {
        attached.close();
    }
}
