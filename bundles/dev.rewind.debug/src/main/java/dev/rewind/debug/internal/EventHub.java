package dev.rewind.debug.internal;

import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.SessionListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Delivers a session's events: each listener has its own queue on a virtual thread, so events reach it in
 * order and one at a time, and a slow or throwing listener only delays (or loses) its own events. A throwing
 * listener is reported through {@code problems} and stays registered.
 */
final class EventHub {
    private final List<Entry> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<String> problems;

    private record Entry(SessionListener listener, ExecutorService queue) {
    }

    EventHub(Consumer<String> problems) {
        this.problems = problems;
    }

    AutoCloseable add(SessionListener listener) {
        Entry e = new Entry(listener, Executors.newSingleThreadExecutor(Thread.ofVirtual().name("rewind-listener")
                .factory()));
        listeners.add(e);
        return () -> {
            listeners.remove(e);
            e.queue.shutdown();
        };
    }

    /** Queues {@code event} for every listener registered now. */
    void publish(SessionEvent event) {
        for (Entry e : listeners) {
            try {
                e.queue.execute(() -> deliver(e, event));
            } catch (java.util.concurrent.RejectedExecutionException gone) {
                listeners.remove(e); // removed concurrently: nothing to deliver to
            }
        }
    }

    private void deliver(Entry e, SessionEvent event) {
        try {
            e.listener.onEvent(event);
        } catch (RuntimeException | Error t) {
            problems.accept("a session listener failed on " + event.getClass().getSimpleName() + ": " + t);
        }
    }

    /** Lets every queue finish what it has, then stops them. */
    void close() {
        for (Entry e : listeners) {
            e.queue.shutdown();
        }
        listeners.clear();
    }
}
