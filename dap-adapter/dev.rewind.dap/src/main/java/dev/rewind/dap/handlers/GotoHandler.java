package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.debug.Breakpoint;
import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.DebugSession;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.GotoArguments;

/**
 * {@code goto}: travels back in history to the last time the thread's hart was at the target (a temporary
 * instruction breakpoint and a reverse continue); when it never was, it runs forward to it instead.
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
        return s.reverseContinue().thenCompose(stop -> stop.breakpointId() == b.id()
                ? CompletableFuture.completedFuture(stop) : runTo(s, context))
                .whenComplete((stop, e) -> s.removeBreakpoint(b.id()))
                .thenApply(stop -> null);
    }

    private static CompletableFuture<dev.rewind.debug.Stop> runTo(DebugSession s, DapContext context) {
        context.dropNextStop();
        CompletableFuture<dev.rewind.debug.Stop> next = s.nextStop();
        return s.resume().thenCompose(v -> next);
    }
}
