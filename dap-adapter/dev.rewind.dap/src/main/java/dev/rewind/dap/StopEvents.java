package dev.rewind.dap;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Stop;
import org.eclipse.lsp4j.debug.InvalidatedAreas;
import org.eclipse.lsp4j.debug.StoppedEventArguments;

/**
 * How the client hears of a stop ({@link #announce}): the handles of the last stop are forgotten, the stopping
 * hart's frames start unwinding (its first question), then {@code stopped}. After time travel an {@code invalidated}
 * event with area {@code variables} follows the answer to the client's first {@code stackTrace} for top frames after
 * the stop ({@code StackTraceHandler}; or comes before the next stop if it asks for none). The stopped event makes a client refetch
 * threads, stacks and variables; the invalidated event says that values it shows from before the travel are stale.
 * Why then and why "variables": VS Code refetches every thread and frame once more for any other area, and for
 * "variables" it refetches the scopes of the frame it shows: before it has the new top frame that is the old frame,
 * whose id the adapter no longer knows (an error in its Variables view), after it the new one, not fetched yet.
 *
 * <p>Composite operations (a line step back, a goto) are several session operations whose own stop events are
 * dropped ({@link DapContext#dropNextStop()} before each starts); the client hears one stop, sent right after the
 * request's response ({@link #afterResponse}).
 */
public final class StopEvents {

    private StopEvents() {
    }

    /**
     * Sends {@code stop} (with {@code reason}, or its own DAP reason when null) after the response to {@code command};
     * {@code travel} when the operation went back in time.
     */
    public static Stop afterResponse(DapContext context, String command, Stop stop, String reason, boolean travel) {
        context.afterResponse(command, () -> announce(context, stop, reason, travel));
        return stop;
    }

    /** The {@code invalidated} event of a time travel (area variables). */
    public static void invalidated(DapContext context) {
        EventForwarder.invalidated(context, InvalidatedAreas.VARIABLES);
    }

    public static void announce(DapContext context, Stop stop, String reason, boolean travel) {
        context.handles().reset();
        DebugSession session = context.sessionOrNull();
        if (session != null) {
            context.stopFrames().prefetch(session, stop.hart());
        }
        if (context.takeUnsaidTravel()) {
            invalidated(context); // the last time travel's: the client asked for no frames since
        }
        if (travel) {
            context.unsaidTravel();
        }
        StoppedEventArguments e = new StoppedEventArguments();
        e.setReason(reason != null ? reason : StopReasons.dapReason(stop, context.breakpoints()));
        e.setDescription(stop.description());
        e.setThreadId(DapContext.threadId(stop.hart()));
        e.setAllThreadsStopped(true);
        if (stop.breakpointId() > 0 && reason == null) {
            e.setHitBreakpointIds(new Integer[] {stop.breakpointId()});
        }
        context.client().stopped(e);
    }
}
