package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.TerminateArguments;

/** {@code terminate}: ends the session (the machine is discarded); the terminated event follows. */
public final class TerminateHandler {

    private final DapContext context;

    public TerminateHandler(DapContext context) {
        this.context = context;
    }

    public CompletableFuture<Void> handle(TerminateArguments args) {
        return context.session().end();
    }
}
