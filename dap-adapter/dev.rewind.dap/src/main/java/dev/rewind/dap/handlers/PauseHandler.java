package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.PauseArguments;

/** {@code pause}: stops the running machine, or cancels a long reverse operation. */
public final class PauseHandler {

    private final DapContext context;

    public PauseHandler(DapContext context) {
        this.context = context;
    }

    public CompletableFuture<Void> handle(PauseArguments args) {
        context.hart(args.getThreadId());
        return context.session().pause().thenApply(stop -> null);
    }
}
