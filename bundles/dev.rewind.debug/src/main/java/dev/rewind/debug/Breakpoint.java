package dev.rewind.debug;

import java.util.List;

/**
 * A breakpoint of a session: its id (session-wide, from 1), what was asked, where it resolved to (the
 * addresses it is armed at; empty when it could not be resolved, with {@code message} saying why), whether it
 * is armed ({@code verified}) and how often it was hit on the current timeline.
 */
public record Breakpoint(int id, BreakpointSpec spec, List<Long> addresses, boolean verified, String message,
        int hits, String sourceFile, int sourceLine) {
}
