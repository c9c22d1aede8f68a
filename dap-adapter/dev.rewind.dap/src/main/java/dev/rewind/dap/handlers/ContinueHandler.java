package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;

/**
 * {@code continue}: the whole machine runs (all-stop), or with {@code singleThread} only the thread's hart (the others
 * held); answers once it runs.
 */
public final class ContinueHandler {

    private final DapContext context;

    public ContinueHandler(DapContext context) {
        this.context = context;
    }

    public CompletableFuture<ContinueResponse> handle(ContinueArguments args) {
        int hart = context.hart(args.getThreadId());
        dev.rewind.debug.RunScope scope = dev.rewind.dap.Stepping.scope(args.getSingleThread(), hart);
        return context.stoppedSession().resume(scope).thenApply(v -> {
            ContinueResponse r = new ContinueResponse();
            r.setAllThreadsContinued(scope.isAll());
            return r;
        });
    }
}
