package dev.rewind.mcd.backend;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Who hears of a target's state changes: at a stop its stop hooks first, then the listeners (core connections). */
final class StopNotifier {
    private final List<Target.Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> stopHooks = new CopyOnWriteArrayList<>();

    void addListener(Target.Listener l) {
        listeners.add(l);
    }

    void removeListener(Target.Listener l) {
        listeners.remove(l);
    }

    /** Runs {@code hook} at every stop, before the listeners hear of it. */
    AutoCloseable addStopHook(Runnable hook) {
        stopHooks.add(hook);
        return () -> stopHooks.remove(hook);
    }

    /** Tells everyone of the events {@code ev}; the stop hooks run when they include STOPPED and nothing runs. */
    void notify(int ev, boolean stopped) {
        if (stopped) {
            synchronized (stopHooks) {
                for (Runnable h : stopHooks) {
                    h.run();
                }
            }
        }
        for (Target.Listener l : listeners) {
            l.stateChanged(ev);
        }
    }
}
