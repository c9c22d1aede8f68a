package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.Stepping;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.StepBackArguments;

/** {@code stepBack}: see {@link Stepping}; answers when the step has landed (the stopped event follows). */
public final class StepBackHandler {

    private final DapContext context;
    private final Stepping stepping;

    public StepBackHandler(DapContext context, Stepping stepping) {
        this.context = context;
        this.stepping = stepping;
    }

    public CompletableFuture<Void> handle(StepBackArguments args) {
        int hart = context.hart(args.getThreadId());
        return stepping.stepBack(hart, args.getGranularity()).thenApply(stop -> null);
    }
}
