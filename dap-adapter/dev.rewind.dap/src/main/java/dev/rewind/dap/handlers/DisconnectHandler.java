package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.debug.DebugSession;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.DisconnectArguments;

/**
 * {@code disconnect}: a launched session ends with its client; an attached one lives on for its other front
 * ends unless {@code terminateDebuggee}. Either way this client stops hearing its events.
 */
public final class DisconnectHandler {

    private final DapContext context;

    public DisconnectHandler(DapContext context) {
        this.context = context;
    }

    public CompletableFuture<Void> handle(DisconnectArguments args) {
        DebugSession s = context.sessionOrNull();
        if (s == null || s.ended()) {
            context.unbind();
            return CompletableFuture.completedFuture(null);
        }
        boolean end = args != null && args.getTerminateDebuggee() != null ? args.getTerminateDebuggee()
                : context.ownsSession();
        if (end) {
            return context.unbindEnding(s); // its plugins' reports before the response
        }
        context.unbind();
        return CompletableFuture.completedFuture(null);
    }
}
