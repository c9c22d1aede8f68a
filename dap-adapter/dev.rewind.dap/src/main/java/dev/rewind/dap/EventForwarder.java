package dev.rewind.dap;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.SessionListener;
import dev.rewind.debug.Stop;
import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.BreakpointEventArgumentsReason;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InvalidatedAreas;
import org.eclipse.lsp4j.debug.InvalidatedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

/**
 * Turns the session's events into DAP events for one client: stopped (with the DAP reason and all threads
 * stopped), continued, output (guest UART as stdout, log points as console), invalidated (after a write: all; after
 * time travel: variables, see StopEvents), breakpoint changes, and terminated when the session ends. Handles are
 * forgotten whenever the machine moves, before the client hears about it.
 */
public final class EventForwarder implements SessionListener {

    /** Guest output arrives a few bytes at a time: whole lines go out, the rest waits for its line or the next event. */
    private static final int MAX_PENDING = 4096;

    private final DapContext context;
    private final StringBuilder pending = new StringBuilder();
    /** Time travel happened since the last stop the client heard of. */
    private boolean travelled;
    /** The client heard {@code terminated} already (the guest exited without history, which ended the session). */
    private boolean terminatedSaid;

    public EventForwarder(DapContext context) {
        this.context = context;
    }

    @Override
    public void onEvent(SessionEvent event) {
        IDebugProtocolClient client = context.client();
        if (client == null) {
            return;
        }
        if (event instanceof SessionEvent.Output o && !o.log()) {
            pending.append(o.text());
            int nl = pending.lastIndexOf("\n");
            if (pending.length() >= MAX_PENDING) {
                nl = pending.length() - 1;
            }
            if (nl >= 0) {
                output(client, pending.substring(0, nl + 1), OutputEventArgumentsCategory.STDOUT);
                pending.delete(0, nl + 1);
            }
            return;
        }
        if (!pending.isEmpty()) {
            output(client, pending.toString(), OutputEventArgumentsCategory.STDOUT);
            pending.setLength(0);
        }
        switch (event) {
            case SessionEvent.Running r -> {
                context.handles().reset();
                ContinuedEventArguments args = new ContinuedEventArguments();
                int only = r.scope().single();
                args.setThreadId(only >= 0 ? DapContext.threadId(only) : 1);
                args.setAllThreadsContinued(r.scope().isAll());
                client.continued(args);
            }
            case SessionEvent.Stopped s -> stopped(client, s.stop());
            case SessionEvent.Output o -> output(client, o.text(), OutputEventArgumentsCategory.CONSOLE);
            case SessionEvent.Invalidated i -> {
                if (!i.timeTravel()) {
                    context.handles().reset();
                    invalidated(context, InvalidatedAreas.ALL);
                } else if (!context.dropsPending()) {
                    context.handles().reset();
                    travelled = true; // said with the stop it leads to
                } // else a part of a composite operation, which resets and says it with its own stop (StopEvents)
            }
            case SessionEvent.BreakpointChanged b -> breakpointChanged(client, b);
            case SessionEvent.BookmarksChanged b -> context.customEvent("rewind/bookmarks",
                    dev.rewind.dap.handlers.BookmarkHandler.result(b.bookmarks())); // clients stop asking per stop
            case SessionEvent.Ended e -> {
                context.handles().reset();
                if (!terminatedSaid) {
                    client.terminated(new TerminatedEventArguments());
                }
            }
        }
    }

    private void stopped(IDebugProtocolClient client, Stop stop) {
        if (context.takeDroppedStop()) {
            return; // the composite operation resets the handles when it sends its stop, maybe before this came
        }
        context.handles().reset();
        if (stop.exited() && !context.sessionHistory()) {
            DebugSession s = context.sessionOrNull();
            if (s != null && context.ownsSession() && !s.ended()) {
                terminatedSaid = true; // below; not again at its end
                s.end(); // nothing more to debug: its plugins report (PluginReports) before the client hears the end
            }
            ExitedEventArguments exited = new ExitedEventArguments();
            exited.setExitCode(stop.exitCode());
            client.exited(exited);
            client.terminated(new TerminatedEventArguments());
            return;
        }
        if (stop.exited()) {
            output(client, "guest exited with code " + stop.exitCode()
                    + "; its history stays: step back, reverse continue or go to a time\n",
                    OutputEventArgumentsCategory.CONSOLE);
        }
        boolean travel = travelled;
        travelled = false;
        StopEvents.announce(context, stop, null, travel);
    }

    /** {@code invalidated} with one area, for clients that declared {@code supportsInvalidatedEvent}. */
    static void invalidated(DapContext context, String area) {
        if (Boolean.TRUE.equals(context.clientInfo().getSupportsInvalidatedEvent())) {
            InvalidatedEventArguments args = new InvalidatedEventArguments();
            args.setAreas(new String[] {area});
            context.client().invalidated(args);
        }
    }

    private void breakpointChanged(IDebugProtocolClient client, SessionEvent.BreakpointChanged b) {
        if (context.breakpoints().kindOf(b.breakpoint().id()) == null) {
            return;
        }
        BreakpointEventArguments args = new BreakpointEventArguments();
        args.setReason(b.removed() ? BreakpointEventArgumentsReason.REMOVED : BreakpointEventArgumentsReason.CHANGED);
        args.setBreakpoint(Breakpoints.toDap(context, b.breakpoint()));
        client.breakpoint(args);
    }

    static void output(IDebugProtocolClient client, String text, String category) {
        OutputEventArguments args = new OutputEventArguments();
        args.setCategory(category);
        args.setOutput(text);
        client.output(args);
    }
}
