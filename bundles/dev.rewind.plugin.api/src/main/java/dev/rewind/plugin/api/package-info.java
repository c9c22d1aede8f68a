/**
 * Rewind's instrumentation (plugin) API, modelled on QEMU's {@code qemu-plugin.h}.
 *
 * <p>A plugin is an OSGi service implementing {@link dev.rewind.plugin.api.RewindPlugin} (whiteboard): the runtime
 * installs it into every machine it runs, negotiating the API version ({@link dev.rewind.plugin.api.PluginApi}).
 * In {@link dev.rewind.plugin.api.RewindPlugin#install} the plugin registers callbacks on its
 * {@link dev.rewind.plugin.api.PluginContext}: at translation time per block, per instruction and per memory access
 * ({@link dev.rewind.plugin.api.TranslationBlock}, {@link dev.rewind.plugin.api.Instruction}), inline per-hart
 * counters the translator emits as bytecode ({@link dev.rewind.plugin.api.Counter}) and conditional callbacks on
 * them ({@code onExecIf}, {@link dev.rewind.plugin.api.Cond}), traps and interrupts, hart start
 * and stop, and time travel.
 *
 * <p><b>Observe only.</b> Nothing in this API changes guest state. <b>Threads.</b> Every callback runs on the thread
 * that runs the machine, in guest order; callbacks of one machine never run concurrently. <b>Replay.</b> While
 * time travel replays history, callbacks still run and {@link dev.rewind.plugin.api.PluginContext#replaying()} is
 * true (bracketed by {@link dev.rewind.plugin.api.TimeTravelEvent#REPLAY_START} and {@code REPLAY_END}); inline
 * counters do not count replayed execution. <b>Failure.</b> A callback that throws gets its plugin unregistered
 * from that machine (its translations are dropped) and reported; the machine goes on.
 *
 * <p><b>Handle lifetimes.</b> {@link dev.rewind.plugin.api.TranslationBlock} and
 * {@link dev.rewind.plugin.api.Instruction} are valid only during the translation callback that received them
 * (afterwards their methods throw {@link java.lang.IllegalStateException}); capture plain values (pc, bits) instead.
 * {@link dev.rewind.plugin.api.PluginContext} and {@link dev.rewind.plugin.api.Counter} are valid from
 * {@code install} until {@code uninstall} returns.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.rewind.plugin.api;
