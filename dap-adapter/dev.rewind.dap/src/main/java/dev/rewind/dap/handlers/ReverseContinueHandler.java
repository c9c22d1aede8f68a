package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.Progress;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.ReverseContinueArguments;

/** {@code reverseContinue}: back to the latest earlier breakpoint or data breakpoint hit, or the start of history. */
public final class ReverseContinueHandler {

    private final DapContext context;

    public ReverseContinueHandler(DapContext context) {
        this.context = context;
    }

    public CompletableFuture<Void> handle(ReverseContinueArguments args) {
        context.hart(args.getThreadId());
        if (!context.sessionHistory()) {
            throw DapErrors.wrongState("history is off for this session (launch with \"history\": true)");
        }
        return Progress.around(context, "Reverse continue", context.stoppedSession().reverseContinue())
                .thenApply(stop -> null);
    }
}
