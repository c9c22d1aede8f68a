package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.Stepping;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.StepOutArguments;

/** {@code stepOut}: see {@link Stepping}; answers when the step has landed (the stopped event follows). */
public final class StepOutHandler {

    private final DapContext context;
    private final Stepping stepping;

    public StepOutHandler(DapContext context, Stepping stepping) {
        this.context = context;
        this.stepping = stepping;
    }

    public CompletableFuture<Void> handle(StepOutArguments args) {
        int hart = context.hart(args.getThreadId());
        return stepping.stepOut(hart, Stepping.scope(args.getSingleThread(), hart)).thenApply(stop -> null);
    }
}
