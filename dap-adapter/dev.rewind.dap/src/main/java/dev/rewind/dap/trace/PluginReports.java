package dev.rewind.dap.trace;

import dev.rewind.dap.DapContext;
import dev.rewind.debug.DebugSession;
import dev.rewind.plugins.PluginReport;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

/** The report lines of the plugins observing a session (bus topic {@code dev/rewind/plugin/report}) as console output. */
public final class PluginReports {
    private PluginReports() {
    }

    /** Forwards {@code session}'s plugin reports to the connection's client until closed. */
    public static AutoCloseable open(DapContext context, DebugSession session) {
        if (context.bus() == null) {
            return () -> { };
        }
        String id = session.id();
        return context.bus().subscribe(PluginReport.class, r -> {
            IDebugProtocolClient client = context.client();
            if (client != null && r.machine().equals(id)) {
                OutputEventArguments out = new OutputEventArguments();
                out.setCategory(OutputEventArgumentsCategory.CONSOLE);
                out.setOutput("[" + r.plugin() + "] " + r.line() + "\n");
                client.output(out);
            }
        });
    }
}
