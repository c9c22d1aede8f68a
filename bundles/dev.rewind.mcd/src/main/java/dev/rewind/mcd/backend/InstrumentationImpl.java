package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.instrument.Instrumentation;
import dev.rewind.plugin.api.RewindPlugin;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * {@link Instrumentation} over the engine's plugin host: installs and uninstalls with the machine paused (so the
 * host is never touched while the machine executes), stop hooks through the target.
 */
final class InstrumentationImpl implements Instrumentation {
    private final Target target;

    InstrumentationImpl(Target target) {
        this.target = target;
    }

    @Override
    public Optional<String> install(RewindPlugin plugin) throws McdException {
        return target.paused(() -> target.engine.plugins().install(plugin));
    }

    @Override
    public boolean uninstall(RewindPlugin plugin) throws McdException {
        return target.paused(() -> target.engine.plugins().uninstall(plugin));
    }

    @Override
    public long runThroughHistory() throws McdException {
        return target.paused(() -> {
            Engine e = target.engine;
            long start = e.time();
            long end = e.newestTime();
            for (long at = start; e.time() < end; at = e.time()) {
                Engine.Stop s = e.runUntilTime(end);
                if (s.kind() == Engine.Kind.EXITED || s.kind() == Engine.Kind.DEADLOCK || e.time() == at) {
                    break; // the history ends here (or a trigger holds the machine at this instruction)
                }
            }
            long reached = e.time();
            if (reached != start) {
                e.goToTime(start);
            }
            return reached;
        });
    }

    @Override
    public void reportTo(BiConsumer<String, String> sink) {
        target.engine.plugins().reportTo(sink);
    }

    @Override
    public AutoCloseable onStop(Runnable hook) {
        return target.notifier.addStopHook(hook);
    }

    @Override
    public AutoCloseable addTrace(dev.rewind.mcd.instrument.TraceSource source) {
        target.traces.sources.add(source);
        return () -> target.traces.sources.remove(source);
    }
}
