package dev.rewind.debug;

/**
 * What a session tells its listeners, in order, after the request that caused it has completed. Every event
 * is also posted on the event bus as a record under {@code dev/rewind/session/...} when a bus is present.
 */
public sealed interface SessionEvent {

    /** The session this event is about. */
    String sessionId();

    /** The machine runs (forward): every hart, or only those of {@code scope} (the others held). */
    record Running(String sessionId, long time, RunScope scope) implements SessionEvent {
        public Running {
            scope = scope == null ? RunScope.ALL : scope;
        }

        /** Every hart runs. */
        public Running(String sessionId, long time) {
            this(sessionId, time, RunScope.ALL);
        }
    }

    /** The machine stopped. */
    record Stopped(String sessionId, Stop stop) implements SessionEvent {
    }

    /** Guest console (UART) output, or a breakpoint's log message ({@code log} true). */
    record Output(String sessionId, String text, boolean log) implements SessionEvent {
    }

    /**
     * State shown anywhere may be stale: time moved other than by running forward (time travel), or a front
     * end wrote registers or memory. Views refetch registers, memory, frames and variables.
     */
    record Invalidated(String sessionId, long time, boolean timeTravel) implements SessionEvent {
    }

    /** A breakpoint was added, changed (resolved, hit count) or removed ({@code removed}). */
    record BreakpointChanged(String sessionId, Breakpoint breakpoint, boolean removed) implements SessionEvent {
    }

    /** The bookmarks changed. */
    record BookmarksChanged(String sessionId, java.util.List<Bookmark> bookmarks) implements SessionEvent {
    }

    /** The session ended; no event follows. */
    record Ended(String sessionId) implements SessionEvent {
    }
}
