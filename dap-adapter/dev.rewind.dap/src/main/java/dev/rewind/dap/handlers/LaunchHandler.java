package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.EventForwarder;
import dev.rewind.dap.Progress;
import dev.rewind.dap.trace.PluginReports;
import dev.rewind.dap.trace.TraceForwarder;
import dev.rewind.debug.DebugSession;
import java.util.Map;

/** {@code launch}: a new session on the program (or a recording); stopped at the entry until configurationDone. */
public final class LaunchHandler {

    private final DapContext context;

    public LaunchHandler(DapContext context) {
        this.context = context;
    }

    public Void handle(Map<String, Object> raw) {
        if (context.hasSession()) {
            throw DapErrors.wrongState("this connection already debugs session " + context.sessionOrNull().id());
        }
        LaunchArguments args = LaunchArguments.parse(raw);
        DebugSession session = context.await(args.recording() != null
                ? Progress.around(context, "Opening recording " + args.recording().getFileName(),
                        context.sessions().openRecording(args.recording(), args.program(),
                                args.config().instrumentation()))
                : context.sessions().launch(args.config()));
        context.stopOnEntry(args.stopOnEntry());
        context.sourceDirectories(args.sourceDirectories());
        AutoCloseable events = session.addListener(new EventForwarder(context));
        AutoCloseable traced = args.config().instrumentation().containsKey("trace")
                ? TraceForwarder.open(context, session) : () -> { };
        AutoCloseable reports = args.config().instrumentation().containsKey("plugins")
                ? PluginReports.open(context, session) : () -> { };
        context.bind(session, true, () -> {
            traced.close();
            events.close();
        });
        context.lastWords(reports);
        return null;
    }
}
