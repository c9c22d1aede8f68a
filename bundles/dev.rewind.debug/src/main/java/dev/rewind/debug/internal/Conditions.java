package dev.rewind.debug.internal;

import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a breakpoint hit stops: counts the hit, applies the hit condition ({@code N} or {@code >= N}:
 * from the Nth hit on; {@code == N}: only the Nth; {@code > N}, {@code < N}, {@code <= N}; {@code % N}: every
 * Nth), then the condition (an expression, non-zero stops), then the log message (printed as a log
 * {@code Output} event with {@code {expr}} parts evaluated; the hart goes on). An expression that cannot be
 * evaluated stops, with the reason as a log line, so no hit is lost silently.
 */
final class Conditions {
    /** Evaluates an expression in the context of a stopped hart. */
    interface Evaluator {
        long evaluate(int hart, String expression);

        String format(int hart, String expression);
    }

    private static final Pattern HIT = Pattern.compile("\\s*(>=|<=|==|>|<|%)?\\s*(\\d+)\\s*");
    private static final Pattern PART = Pattern.compile("\\{([^{}]+)}");

    private final Context ctx;
    private Evaluator evaluator = new Evaluator() {
        @Override
        public long evaluate(int hart, String expression) {
            throw new IllegalArgumentException("expressions need the program's symbols");
        }

        @Override
        public String format(int hart, String expression) {
            throw new IllegalArgumentException("expressions need the program's symbols");
        }
    };

    private final java.util.function.Predicate<Stop> trapFilter;

    Conditions(Context ctx, java.util.function.Predicate<Stop> trapFilter) {
        this.ctx = ctx;
        this.trapFilter = trapFilter;
    }

    void evaluator(Evaluator e) {
        evaluator = e;
    }

    /** Counts the hit of a breakpoint stop and says whether it stops; other stops always stop. */
    boolean shouldStop(Stop stop) {
        if (stop.reason() == StopReason.TRAP) {
            return trapFilter.test(stop);
        }
        if (stop.reason() != StopReason.BREAKPOINT && stop.reason() != StopReason.WATCHPOINT) {
            return true;
        }
        BreakpointSpec spec = ctx.breakpoints.spec(stop.breakpointId());
        if (spec == null) {
            return true;
        }
        int hits = ctx.breakpoints.hit(stop.breakpointId());
        if (spec.hitCondition() != null && !hitMatches(spec.hitCondition(), hits)) {
            return false;
        }
        if (spec.condition() != null) {
            try {
                if (evaluator.evaluate(stop.hart(), spec.condition()) == 0) {
                    return false;
                }
            } catch (RuntimeException e) {
                log("breakpoint " + stop.breakpointId() + ": cannot evaluate condition '" + spec.condition() + "': "
                        + e.getMessage() + "; stopped\n");
                return true;
            }
        }
        if (spec.logMessage() != null) {
            log(expand(stop.hart(), spec.logMessage()) + "\n");
            return false;
        }
        return true;
    }

    /** Whether the {@code hits}-th hit satisfies a hit condition; a malformed one never matches. */
    static boolean hitMatches(String condition, int hits) {
        Matcher m = HIT.matcher(condition);
        if (!m.matches()) {
            return false;
        }
        long n = Long.parseLong(m.group(2));
        String op = m.group(1) == null ? ">=" : m.group(1);
        return switch (op) {
            case ">=" -> hits >= n;
            case "<=" -> hits <= n;
            case "==" -> hits == n;
            case ">" -> hits > n;
            case "<" -> hits < n;
            default -> n > 0 && hits % n == 0;
        };
    }

    /** Checks a hit condition's syntax. */
    static boolean validHitCondition(String condition) {
        return HIT.matcher(condition).matches();
    }

    private String expand(int hart, String message) {
        Matcher m = PART.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value;
            try {
                value = evaluator.format(hart, m.group(1));
            } catch (RuntimeException e) {
                value = "<" + e.getMessage() + ">";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private void log(String text) {
        ctx.publish(new SessionEvent.Output(ctx.id, text, true));
    }
}
