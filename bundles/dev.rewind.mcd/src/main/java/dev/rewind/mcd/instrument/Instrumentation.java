package dev.rewind.mcd.instrument;

import dev.rewind.mcd.api.McdException;
import dev.rewind.plugin.api.RewindPlugin;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Plugins in the machine behind an MCD back end ({@code core.adapt(Instrumentation.class)}; every core of a machine
 * gives the same one): how the plugin runtime and the trace observe a debug session's machine without the debug
 * services touching the engine. Plugins observe only (dev.rewind.plugin.api); callbacks run on the machine's thread.
 */
public interface Instrumentation {

    /**
     * Installs {@code plugin} into the machine (halting a running machine for the moment it takes): the refusal
     * message when the plugin is refused (API version, its {@code install} threw, installed already), else empty.
     */
    Optional<String> install(RewindPlugin plugin) throws McdException;

    /** Uninstalls {@code plugin} (it reports its results); false if it was not installed. */
    boolean uninstall(RewindPlugin plugin) throws McdException;

    /**
     * Runs the machine from now through the history ahead of it (to the newest time it reached) and comes back, so
     * that plugins installed after that history was made can see it; they see it as replay ({@code replaying()} is
     * true). A session opened from a recording with debugger writes has such history (it was run when the recording
     * was opened); a new session has none and nothing runs. Breakpoints are passed over; MCD listeners and stop hooks
     * hear nothing.
     *
     * @return the time run through to (now, when nothing ran)
     */
    long runThroughHistory() throws McdException;

    /** Where plugins' report lines go ({@code (plugin name, line)}), replacing the previous sink. */
    void reportTo(BiConsumer<String, String> sink);

    /**
     * Runs {@code hook} each time the machine stops (a run, step, pause or time-travel operation ended), before the
     * MCD event listeners hear of it; the machine does not execute meanwhile. Close the handle to remove it.
     */
    AutoCloseable onStop(Runnable hook);

    /**
     * Shows {@code source} through the MCD trace functions of every core, after the instruction trace (trace ids 2,
     * 3, ... in the order added) until the handle is closed.
     */
    AutoCloseable addTrace(TraceSource source);
}
