package dev.rewind.debug.internal;

import dev.rewind.debug.SessionEvent;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The guest's console output: what the guest prints while the machine runs beyond the newest point reached
 * before is new output and becomes {@code Output} events (posted through the session's executor, so they keep
 * their order with the other events), a line at a time and at every stop; what it prints while replaying history
 * was shown already and is dropped.
 */
final class ConsoleGate implements java.util.function.IntConsumer {
    private final String sessionId;
    private volatile boolean live = true;
    private Executor executor = Runnable::run;
    private Consumer<SessionEvent> publish = e -> { };
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

    ConsoleGate(String sessionId) {
        this.sessionId = sessionId;
    }

    void connect(Executor executor, Consumer<SessionEvent> publish) {
        this.executor = executor;
        this.publish = publish;
    }

    /** Whether output from now on is new ({@code true}) or a replay of history ({@code false}). */
    void live(boolean on) {
        live = on;
    }

    private final java.util.List<java.util.function.IntConsumer> taps = new java.util.concurrent.CopyOnWriteArrayList<>();

    AutoCloseable tap(java.util.function.IntConsumer t) {
        taps.add(t);
        return () -> taps.remove(t);
    }

    @Override
    public void accept(int b) {
        for (java.util.function.IntConsumer t : taps) {
            t.accept(b & 0xFF);
        }
        if (!live) {
            return;
        }
        synchronized (pending) {
            pending.write(b);
            if (b != '\n' && pending.size() < 4096) {
                return; // whole lines: the rest goes out at the next newline or stop
            }
        }
        executor.execute(this::flush);
    }

    /** Publishes what is pending now (on the session's executor: before a Stopped event). */
    void flush() {
        String text;
        synchronized (pending) {
            text = pending.toString(java.nio.charset.StandardCharsets.UTF_8);
            pending.reset();
        }
        if (!text.isEmpty()) {
            publish.accept(new SessionEvent.Output(sessionId, text, false));
        }
    }
}
