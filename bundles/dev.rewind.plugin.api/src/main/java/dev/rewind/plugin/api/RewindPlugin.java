package dev.rewind.plugin.api;

/**
 * A plugin: register an implementation as an OSGi service (whiteboard) and the runtime installs it into every
 * machine it runs. One instance may be installed into several machines at once, each with its own
 * {@link PluginContext}; keep per-machine state in objects created in {@link #install}.
 */
public interface RewindPlugin {

    /** A short stable name (reports, errors, the bus). */
    String name();

    /** The oldest API version this plugin works with. */
    default int apiVersionMin() {
        return PluginApi.VERSION;
    }

    /** The API version this plugin was built against ({@link PluginApi#VERSION} at its compile time). */
    default int apiVersion() {
        return PluginApi.VERSION;
    }

    /**
     * Called once per machine, on the machine's thread, before the plugin sees any execution: register callbacks and
     * counters on {@code ctx}. Throwing refuses the installation (reported).
     */
    void install(PluginContext ctx);

    /**
     * Called once when the plugin leaves the machine (the run ended, the service went away, or the machine is
     * closed), on the machine's thread: report results through {@link PluginContext#report(String)}.
     */
    default void uninstall(PluginContext ctx) {
    }
}
