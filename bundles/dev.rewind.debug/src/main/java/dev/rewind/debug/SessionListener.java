package dev.rewind.debug;

/**
 * Receives a session's events. Each listener has its own queue: events reach it in order, one at a time,
 * and a slow or throwing listener delays or loses only its own events, never the session's.
 */
@FunctionalInterface
public interface SessionListener {
    void onEvent(SessionEvent event);
}
