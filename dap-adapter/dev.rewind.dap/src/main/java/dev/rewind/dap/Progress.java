package dev.rewind.dap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.debug.ProgressEndEventArguments;
import org.eclipse.lsp4j.debug.ProgressStartEventArguments;

/** {@code progressStart}/{@code progressEnd} around long operations, for clients that support progress reporting. */
public final class Progress {

    private static final AtomicInteger IDS = new AtomicInteger();

    private Progress() {
    }

    /** Reports {@code title} while {@code operation} runs; returns the operation. */
    public static <T> CompletableFuture<T> around(DapContext context, String title, CompletableFuture<T> operation) {
        if (!Boolean.TRUE.equals(context.clientInfo().getSupportsProgressReporting()) || context.client() == null) {
            return operation;
        }
        String id = "rewind-" + IDS.incrementAndGet();
        ProgressStartEventArguments start = new ProgressStartEventArguments();
        start.setProgressId(id);
        start.setTitle(title);
        start.setCancellable(false);
        context.client().progressStart(start);
        return operation.whenComplete((r, e) -> {
            ProgressEndEventArguments end = new ProgressEndEventArguments();
            end.setProgressId(id);
            end.setMessage(e == null ? "done" : "failed");
            context.client().progressEnd(end);
        });
    }
}
