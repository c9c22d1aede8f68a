package dev.rewind.debug;

import java.util.Objects;

/**
 * What a front end asks for. Where: an address, a function or a source line (the latter two resolved with the
 * session's symbols), or a data range for watchpoints. How: a condition (C-like expression over variables and
 * registers, evaluated when hit; stop only when non-zero), a hit condition ({@code N}, {@code >= N}, {@code == N},
 * {@code % N}), a log message (print it with {@code {expr}} parts filled in and go on, instead of stopping), and
 * the harts it applies to (-1 for every hart).
 */
public record BreakpointSpec(Kind kind, long address, long length, Stop.Access access, String function,
        String file, int line, String condition, String hitCondition, String logMessage, int hart) {

    /** Kinds of breakpoint. */
    public enum Kind {
        INSTRUCTION, FUNCTION, LINE, WATCH
    }

    public BreakpointSpec {
        Objects.requireNonNull(kind, "kind");
    }

    public static BreakpointSpec instruction(long address) {
        return new BreakpointSpec(Kind.INSTRUCTION, address, 0, null, null, null, 0, null, null, null, -1);
    }

    public static BreakpointSpec function(String name) {
        return new BreakpointSpec(Kind.FUNCTION, 0, 0, null, name, null, 0, null, null, null, -1);
    }

    public static BreakpointSpec line(String file, int line) {
        return new BreakpointSpec(Kind.LINE, 0, 0, null, null, file, line, null, null, null, -1);
    }

    public static BreakpointSpec watch(long address, long length, Stop.Access access) {
        return new BreakpointSpec(Kind.WATCH, address, length, Objects.requireNonNull(access), null, null, 0, null,
                null, null, -1);
    }

    public BreakpointSpec withCondition(String expression) {
        return new BreakpointSpec(kind, address, length, access, function, file, line, blankToNull(expression),
                hitCondition, logMessage, hart);
    }

    public BreakpointSpec withHitCondition(String hits) {
        return new BreakpointSpec(kind, address, length, access, function, file, line, condition, blankToNull(hits),
                logMessage, hart);
    }

    public BreakpointSpec withLogMessage(String message) {
        return new BreakpointSpec(kind, address, length, access, function, file, line, condition, hitCondition,
                blankToNull(message), hart);
    }

    public BreakpointSpec onHart(int h) {
        return new BreakpointSpec(kind, address, length, access, function, file, line, condition, hitCondition,
                logMessage, h);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
