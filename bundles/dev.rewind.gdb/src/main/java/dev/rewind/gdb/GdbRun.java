package dev.rewind.gdb;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import dev.rewind.gdb.rsp.PacketWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The run a gdb client started (continue, step, their reverse forms), at most one at a time: its completion comes
 * back through the connection's queue as a {@link Done}, gdb's Ctrl-C pauses it, and its stop reply goes out after
 * the console output that belongs to it (or as an exit when another front end ended the session meanwhile).
 */
final class GdbRun {
    private static final System.Logger LOG = System.getLogger(GdbRun.class.getName());

    /** A run finished (one of the two is null). */
    record Done(Stop stop, Throwable error) {
    }

    private final DebugSession session;
    private final BlockingDeque<Object> queue;
    private final PacketWriter writer;
    private final ConsoleOut console;
    private final PacketHandler handler;
    private CompletableFuture<Stop> running;
    /** gdb interrupted the run in progress (so a pause is its own, not the end of the session). */
    private boolean interrupted;

    GdbRun(DebugSession session, BlockingDeque<Object> queue, PacketWriter writer, ConsoleOut console,
            PacketHandler handler) {
        this.session = session;
        this.queue = queue;
        this.writer = writer;
        this.console = console;
        this.handler = handler;
    }

    /** Whether a run is in progress. */
    boolean active() {
        return running != null;
    }

    /** gdb's Ctrl-C: pauses the run in progress, if any. */
    void interrupt() {
        if (running != null) {
            interrupted = true;
            session.pause();
        }
    }

    /** The session ended: for gdb, a run in progress ends with the process. */
    void sessionEnded() throws IOException {
        if (running != null) {
            running = null;
            writer.send("X09");
        }
    }

    /** Starts the run of {@code r}; gdb gets an error if one is in progress or it cannot start. */
    void start(Reply.Run r) throws IOException {
        if (running != null) {
            writer.send("E05");
            return;
        }
        CompletableFuture<Stop> f;
        try {
            f = r.start().get();
        } catch (RuntimeException e) {
            writer.send("E01");
            return;
        }
        running = f;
        console.flush();
        f.whenComplete((stop, error) -> queue.add(new Done(stop, error)));
    }

    /** The run completed: the console output that belongs to it, then its stop reply. */
    void finish(Done d) throws IOException, InterruptedException {
        Stop stop = d.stop();
        if (stop != null && stop.exited()) {
            awaitLastOutput(); // after an exit gdb prints nothing more
        }
        running = null;
        // console output queued before the completion still belongs to this run
        for (Object item : queue.toArray()) {
            if (item instanceof SessionEvent.Output o && queue.remove(item)) {
                console.output(o.text(), running != null);
            }
        }
        console.flush();
        boolean ownPause = interrupted;
        interrupted = false;
        if ((stop == null || stop.reason() == StopReason.PAUSE && !ownPause) && endedMeanwhile()) {
            writer.send("X09"); // another front end ended the session: for gdb the process is gone
            return;
        }
        if (stop == null) {
            Throwable cause = d.error().getCause() != null ? d.error().getCause() : d.error();
            console.send("rewind: " + cause.getMessage() + "\n");
            stop = session.lastStop();
        }
        if (stop.exited() && handler.options.exitAsStop) {
            console.send("rewind: " + stop.description() + "; reported as a stop (monitor exit-as-stop off: as an exit)\n");
            stop = new Stop(StopReason.STEP, stop.hart(), stop.time(), stop.pc(), 0, null, 0, 0, 0,
                    stop.description());
        }
        writer.send(handler.stopReply(stop, true));
    }

    /** Whether the session has ended; a request queued now runs after an end already under way, or is refused. */
    private boolean endedMeanwhile() {
        if (!session.ended()) {
            try {
                Target.await(session.time());
            } catch (DebugException e) {
                LOG.log(System.Logger.Level.DEBUG, "the session refused a request after a stop", e);
            }
        }
        return session.ended();
    }

    /**
     * The session publishes console output from its executor, possibly after the stop: once every request queued
     * so far has run (a time query as the barrier), forwards the output events that arrive until the Stopped event
     * and a short quiet spell (bounded), keeping anything else for later.
     */
    private void awaitLastOutput() throws IOException, InterruptedException {
        try {
            Target.await(session.time());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no barrier before the exit reply", e);
        }
        List<Object> deferred = new ArrayList<>();
        boolean stopped = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            Object item = queue.poll(20, TimeUnit.MILLISECONDS);
            if (item == null) {
                if (stopped) {
                    break;
                }
            } else if (item instanceof SessionEvent.Output o) {
                console.send(o.text());
            } else {
                stopped |= item instanceof SessionEvent.Stopped;
                deferred.add(item);
            }
        }
        for (int i = deferred.size() - 1; i >= 0; i--) {
            queue.addFirst(deferred.get(i));
        }
    }
}
