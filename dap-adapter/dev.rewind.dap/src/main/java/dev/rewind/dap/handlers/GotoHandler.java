package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.StopEvents;
import dev.rewind.debug.Breakpoint;
import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.GotoArguments;

/**
 * {@code goto}: travels back in history to the last time the thread's hart was at the target (a temporary
 * instruction breakpoint and a reverse continue); when it never was, it runs forward to it instead. The client
 * hears one stop, reason {@code goto} when it got there (else the stop that ended the search).
 */
public final class GotoHandler {

    private final DapContext context;

    public GotoHandler(DapContext context) {
        this.context = context;
    }

    public CompletableFuture<Void> handle(GotoArguments args) {
        int hart = context.hart(args.getThreadId());
        GotoTargetsHandler.Target t = context.handles().get(args.getTargetId(), GotoTargetsHandler.Target.class);
        if (t == null) {
            throw DapErrors.badRequest("unknown goto target " + args.getTargetId());
        }
        DebugSession s = context.stoppedSession();
        if (!s.config().history()) {
            throw DapErrors.wrongState("history is off for this session");
        }
        Breakpoint b = context.await(s.addBreakpoint(BreakpointSpec.instruction(t.address()).onHart(hart)));
        // one stop for the client, sent after the response: goto when it got there, else the stop that ended it
        context.dropNextStop();
        return s.reverseContinue().thenCompose(stop -> {
            if (stop.breakpointId() == b.id()) {
                return landed(stop, b);
            }
            context.dropNextStop();
            CompletableFuture<Stop> next = s.nextStop();
            return s.resume().thenCompose(v -> next).thenCompose(fwd -> landed(fwd, b));
        }).whenComplete((stop, e) -> {
            s.removeBreakpoint(b.id());
            if (e != null) {
                context.clearDroppedStops();
            }
        }).thenApply(stop -> null);
    }

    private CompletableFuture<Stop> landed(Stop stop, Breakpoint b) {
        boolean there = stop.breakpointId() == b.id() && stop.reason() == StopReason.BREAKPOINT;
        return CompletableFuture.completedFuture(StopEvents.afterResponse(context, "goto", stop,
                there ? org.eclipse.lsp4j.debug.StoppedEventArgumentsReason.GOTO : null, true));
    }
}
