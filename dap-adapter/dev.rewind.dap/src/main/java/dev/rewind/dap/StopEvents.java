package dev.rewind.dap;

import dev.rewind.debug.Stop;
import org.eclipse.lsp4j.debug.StoppedEventArguments;

/**
 * Stops the adapter reports itself: composite operations (a line step back, a goto) are several session
 * operations whose own stop events are dropped ({@link DapContext#dropNextStop()} before each starts); the client
 * hears one stop, sent right after the request's response.
 */
public final class StopEvents {

    private StopEvents() {
    }

    /** Sends {@code stop} (with {@code reason}, or its own DAP reason when null) after the response to {@code command}. */
    public static Stop afterResponse(DapContext context, String command, Stop stop, String reason) {
        context.afterResponse(command, () -> send(context, stop, reason));
        return stop;
    }

    public static void send(DapContext context, Stop stop, String reason) {
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
