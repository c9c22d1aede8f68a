package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.StopEvents;
import dev.rewind.debug.DebugSession;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;

/**
 * {@code configurationDone}: breakpoints are set; with {@code stopOnEntry} (or attached to a stopped session)
 * the client hears where the machine stands, otherwise it runs.
 */
public final class ConfigurationDoneHandler {

    private final DapContext context;

    public ConfigurationDoneHandler(DapContext context) {
        this.context = context;
    }

    public CompletableFuture<Void> handle(ConfigurationDoneArguments args) {
        DebugSession session = context.session();
        if (context.configurationDone()) {
            throw DapErrors.wrongState("configurationDone was already sent");
        }
        context.configurationDone(true);
        if (context.stopOnEntry() || session.running()) {
            if (!session.running()) {
                StopEvents.afterResponse(context, "configurationDone", session.lastStop(), null, false);
            }
            return CompletableFuture.completedFuture(null);
        }
        return session.resume();
    }

}
