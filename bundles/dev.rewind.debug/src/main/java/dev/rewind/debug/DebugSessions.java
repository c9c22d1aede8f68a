package dev.rewind.debug;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The running debug sessions of this runtime (an OSGi service; {@code new SessionManager()} outside OSGi).
 * Every front end launches or attaches here, so a DAP client, gdb, an MCD client and the shell can drive
 * the same machine and see each other's stops.
 */
public interface DebugSessions {

    /** Loads {@code config.program()} on a new machine; the session starts stopped at the entry (time 0). */
    CompletableFuture<DebugSession> launch(LaunchConfig config);

    /** Opens a saved recording of {@code program} as a new session, stopped at time 0. */
    default CompletableFuture<DebugSession> openRecording(java.nio.file.Path recording, java.nio.file.Path program) {
        return openRecording(recording, program, java.util.Map.of());
    }

    /**
     * Opens a saved recording of {@code program} as a new session, stopped at time 0, asking observers of its machine
     * to attach as {@link LaunchConfig#instrumentation()} says (a trace, plugins): they see the recording's timeline.
     */
    CompletableFuture<DebugSession> openRecording(java.nio.file.Path recording, java.nio.file.Path program,
            java.util.Map<String, String> instrumentation);

    /**
     * What the recording {@code file} holds (its program, machine, bookmarks and end), read without opening it: e.g.
     * to find the recorded program for {@link #openRecording} or to check a bookmark before opening.
     *
     * @throws DebugException the file is missing, unreadable, not a recording, corrupt or of a newer format (the
     *                        message says which)
     */
    RecordingInfo readRecording(java.nio.file.Path file);

    /** Live sessions, oldest first. */
    List<DebugSession> sessions();

    /** The live session with this id ({@link DebugSession#id()}). */
    Optional<DebugSession> session(String id);

    /** Told when sessions start and end (on the caller's or the ending session's thread; must not block). */
    AutoCloseable onSessions(java.util.function.Consumer<List<DebugSession>> listener);
}
