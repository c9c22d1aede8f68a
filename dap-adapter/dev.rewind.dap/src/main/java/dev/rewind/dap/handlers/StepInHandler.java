package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.Stepping;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.StepInArguments;

/** {@code stepIn}: see {@link Stepping}; answers when the step has landed (the stopped event follows). */
public final class StepInHandler {

    private final DapContext context;
    private final Stepping stepping;

    public StepInHandler(DapContext context, Stepping stepping) {
        this.context = context;
        this.stepping = stepping;
    }

    public CompletableFuture<Void> handle(StepInArguments args) {
        int hart = context.hart(args.getThreadId());
        return stepping.stepIn(hart, args.getGranularity(), Stepping.scope(args.getSingleThread(), hart))
                .thenApply(stop -> null);
    }
}
