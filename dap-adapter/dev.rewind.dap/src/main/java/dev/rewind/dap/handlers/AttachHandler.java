package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.EventForwarder;
import dev.rewind.debug.DebugSession;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code attach}: joins a running session of this runtime ({@code session}: its id, e.g. {@code s1}; without
 * it, the only live session). The session stays alive when this client disconnects, unless it asks to
 * terminate the debuggee.
 */
public final class AttachHandler {

    private final DapContext context;

    public AttachHandler(DapContext context) {
        this.context = context;
    }

    public Void handle(Map<String, Object> args) {
        if (context.hasSession()) {
            throw DapErrors.wrongState("this connection already debugs session " + context.sessionOrNull().id());
        }
        Object id = args == null ? null : args.get("session");
        List<DebugSession> live = context.sessions().sessions();
        DebugSession session;
        if (id != null) {
            session = context.sessions().session(String.valueOf(id)).orElseThrow(() -> DapErrors.badRequest(
                    "no session '" + id + "'; live sessions: " + names(live)));
        } else if (live.size() == 1) {
            session = live.get(0);
        } else {
            throw DapErrors.badRequest(live.isEmpty() ? "no live session to attach to"
                    : "several live sessions (" + names(live) + "): name one with the attribute 'session'");
        }
        context.stopOnEntry(!session.running());
        AutoCloseable events = session.addListener(new EventForwarder(context));
        AutoCloseable trace = args != null && TraceArgument.items(args.get("trace")) != null
                ? dev.rewind.dap.trace.TraceForwarder.open(context, session) : () -> { };
        // the session's plugins report when it ends: to every client attached then, whoever ends it
        AutoCloseable reports = session.config().instrumentation().containsKey("plugins")
                ? dev.rewind.dap.trace.PluginReports.open(context, session) : () -> { };
        context.bind(session, false, () -> {
            trace.close();
            events.close();
        });
        context.lastWords(reports);
        return null;
    }

    private static String names(List<DebugSession> live) {
        return live.isEmpty() ? "none" : live.stream().map(DebugSession::id).collect(Collectors.joining(", "));
    }
}
