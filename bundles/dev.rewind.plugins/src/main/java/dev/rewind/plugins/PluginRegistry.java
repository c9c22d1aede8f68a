package dev.rewind.plugins;

import dev.rewind.emulator.Machine;
import java.util.List;
import java.util.function.BiConsumer;

/** The registered plugins, and the machines they are installed into. An OSGi service. */
public interface PluginRegistry {

    /**
     * Installs every registered plugin into {@code machine} now (call on the machine's thread while it is stopped) and
     * keeps following the registry: plugins registered later are installed, plugins that go away uninstalled, at the
     * machine's next slice boundary. Report lines go to {@code reports} ({@code (plugin, line)}) and to the bus
     * (synchronously: the bus's subscribers have a report when the plugin's call that made it returns).
     *
     * @param label names the machine in bus events
     */
    Attachment attach(Machine machine, String label, BiConsumer<String, String> reports);

    /**
     * As {@link #attach(Machine, String, BiConsumer)}, for a machine behind an MCD back end (a debug session's): the
     * plugins are installed through its {@code Instrumentation}, which halts a running machine for the moment it
     * takes. Call from any thread.
     */
    Attachment attach(dev.rewind.mcd.instrument.Instrumentation machine, String label,
            BiConsumer<String, String> reports);

    /** Names of the registered plugins. */
    List<String> names();

    /** A machine attached to the registry. */
    interface Attachment extends AutoCloseable {
        /** Uninstalls every plugin (they report their results) and stops following; on the machine's thread. */
        @Override
        void close();
    }
}
