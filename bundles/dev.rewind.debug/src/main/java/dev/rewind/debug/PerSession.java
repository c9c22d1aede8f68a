package dev.rewind.debug;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One add-on per debug session that wants it (a trace, installed plugins, ...), from the session's creation, before
 * it runs, to its end: follows {@link DebugSessions#onSessions}. An add-on that cannot be attached is reported on
 * stderr and the session goes on without it. Thread-safe.
 *
 * @param <T> the add-on; closed when its session ends or this is closed
 */
public final class PerSession<T extends AutoCloseable> implements AutoCloseable {

    /** Makes the add-on of one session. */
    @FunctionalInterface
    public interface Attacher<T> {
        T attach(DebugSession session) throws Exception;
    }

    private final String what;
    private final Predicate<DebugSession> wants;
    private final Attacher<T> attacher;
    private final Map<String, T> attached = new HashMap<>();
    private final AutoCloseable watch;

    /**
     * @param what     what the add-on is, for messages ("trace", "plugins")
     * @param wants    whether a session gets one
     * @param attacher makes it
     */
    public PerSession(DebugSessions sessions, String what, Predicate<DebugSession> wants, Attacher<T> attacher) {
        this.what = what;
        this.wants = wants;
        this.attacher = attacher;
        this.watch = sessions.onSessions(this::update);
        update(sessions.sessions());
    }

    private synchronized void update(List<DebugSession> now) {
        Set<String> ids = new HashSet<>();
        for (DebugSession s : now) {
            ids.add(s.id());
            if (!attached.containsKey(s.id()) && !s.ended() && wants.test(s)) {
                try {
                    attached.put(s.id(), attacher.attach(s));
                } catch (Exception e) {
                    System.err.println("rewind: no " + what + " in session " + s.id() + ": " + e.getMessage());
                }
            }
        }
        attached.keySet().removeIf(id -> {
            if (ids.contains(id)) {
                return false;
            }
            close(id, attached.get(id));
            return true;
        });
    }

    /** The add-on of session {@code id}, if it has one. */
    public synchronized Optional<T> get(String id) {
        return Optional.ofNullable(attached.get(id));
    }

    private void close(String id, T addOn) {
        try {
            addOn.close();
        } catch (Exception e) {
            System.err.println("rewind: closing the " + what + " of session " + id + ": " + e.getMessage());
        }
    }

    /** Stops following the sessions and closes every add-on. */
    @Override
    public synchronized void close() {
        try {
            watch.close();
        } catch (Exception e) {
            System.err.println("rewind: " + what + ": " + e.getMessage());
        }
        attached.forEach(this::close);
        attached.clear();
    }
}
