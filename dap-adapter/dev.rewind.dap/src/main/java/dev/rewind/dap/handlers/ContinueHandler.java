package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;

/** {@code continue}: the whole machine runs (all-stop); answers once it runs. */
public final class ContinueHandler {

    private final DapContext context;

    public ContinueHandler(DapContext context) {
        this.context = context;
    }

    public CompletableFuture<ContinueResponse> handle(ContinueArguments args) {
        context.hart(args.getThreadId());
        return context.stoppedSession().resume().thenApply(v -> {
            ContinueResponse r = new ContinueResponse();
            r.setAllThreadsContinued(true);
            return r;
        });
    }
}
