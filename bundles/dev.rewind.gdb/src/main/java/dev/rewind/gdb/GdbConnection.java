package dev.rewind.gdb;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import dev.rewind.gdb.rsp.Inbound;
import dev.rewind.gdb.rsp.PacketReader;
import dev.rewind.gdb.rsp.PacketWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One gdb client. A reader thread turns the socket into {@link Inbound} items; this thread takes them, the
 * completions of runs and the session's events from one queue, so a Ctrl-C (0x03) reaches a running forward or
 * reverse operation, console output goes out as {@code O} packets while the target runs, and the stop reply goes
 * out when the run completes. A client that goes away mid-run leaves the session as it is (running or not),
 * without the breakpoints this client inserted.
 */
final class GdbConnection implements Runnable {
    static final int PACKET_SIZE = 0x4000;
    private static final System.Logger LOG = System.getLogger(GdbConnection.class.getName());

    private final Socket socket;
    private final DebugSession session;
    private final Consumer<GdbConnection> onClose;
    private final BlockingDeque<Object> queue = new LinkedBlockingDeque<>();
    private final Triggers triggers = new Triggers();
    private PacketWriter writer;
    private ConsoleOut console;
    private PacketHandler handler;
    private Target target;
    private boolean ackMode = true;
    private CompletableFuture<Stop> running;
    /** gdb interrupted the run in progress (so a pause is its own, not the end of the session). */
    private boolean interrupted;

    /** A run finished (one of the two is null). */
    private record RunDone(Stop stop, Throwable error) {
    }

    GdbConnection(Socket socket, DebugSession session, Consumer<GdbConnection> onClose) {
        this.socket = socket;
        this.session = session;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        AutoCloseable listener = null;
        try {
            socket.setTcpNoDelay(true);
            writer = new PacketWriter(new BufferedOutputStream(socket.getOutputStream()));
            console = new ConsoleOut(writer);
            PacketReader reader = new PacketReader(new BufferedInputStream(socket.getInputStream()), PACKET_SIZE);
            target = new Target(session);
            handler = new PacketHandler(target, triggers);
            // only what the connection acts on: every other event would wake it for nothing after each step
            listener = session.addListener(e -> {
                if (e instanceof SessionEvent.Output || e instanceof SessionEvent.Ended
                        || e instanceof SessionEvent.Stopped s && s.stop().exited()) {
                    queue.add(e);
                }
            });
            Thread readerThread = new Thread(() -> readLoop(reader), "gdb-reader-" + socket.getPort());
            readerThread.setDaemon(true);
            readerThread.start();
            if (session.running()) {
                Target.await(session.pause()); // all-stop: gdb expects a stopped target after connecting
            }
            serve();
        } catch (IOException e) {
            // the client went away while we wrote to it: cleaned up below like any disconnect
            LOG.log(System.Logger.Level.DEBUG, "gdb connection lost", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            cleanUp(listener);
        }
    }

    private void readLoop(PacketReader reader) {
        try {
            Inbound item;
            do {
                item = reader.next();
                queue.add(item);
            } while (!(item instanceof Inbound.Eof));
        } catch (IOException e) {
            queue.add(new Inbound.Eof());
        }
    }

    private void serve() throws IOException, InterruptedException {
        while (true) {
            Object item = queue.take();
            switch (item) {
                case Inbound.Packet p -> {
                    if (ackMode) {
                        writer.ack(true);
                    }
                    if (!handlePacket(p.payload())) {
                        return;
                    }
                }
                case Inbound.Corrupt c -> {
                    if (ackMode) {
                        writer.ack(false);
                    }
                }
                case Inbound.Ack a -> {
                    if (!a.positive() && ackMode) {
                        writer.resend();
                    }
                }
                case Inbound.Interrupt i -> {
                    if (running != null) {
                        interrupted = true;
                        session.pause();
                    }
                }
                case Inbound.Eof e -> {
                    return;
                }
                case RunDone d -> finishRun(d);
                case SessionEvent.Output o -> console.output(o.text(), running != null);
                case SessionEvent.Ended e -> {
                    if (running != null) {
                        running = null;
                        writer.send("X09");
                    }
                    return;
                }
                default -> {
                    // other session events: gdb (all-stop) learns of state changes at its next stop
                }
            }
        }
    }

    /** Handles one packet; false when the connection is to close. */
    private boolean handlePacket(String payload) throws IOException {
        Reply reply = handler.handle(payload);
        switch (reply) {
            case Reply.Text t -> writer.send(t.payload());
            case Reply.Console c -> {
                console.send(c.output());
                writer.send(c.payload());
            }
            case Reply.StartNoAck s -> {
                writer.send("OK");
                ackMode = false;
            }
            case Reply.Run r -> startRun(r);
            case Reply.Close c -> {
                if (c.payload() != null) {
                    writer.send(c.payload());
                }
                if (c.end()) {
                    session.end();
                } else if (handler.options.detachResumes && !session.running()) {
                    removeTriggers();
                    session.resume();
                }
                return false;
            }
        }
        return true;
    }

    private void startRun(Reply.Run r) throws IOException {
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
        f.whenComplete((stop, error) -> queue.add(new RunDone(stop, error)));
    }

    private void finishRun(RunDone d) throws IOException, InterruptedException {
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

    private void removeTriggers() {
        for (int id : triggers.drain()) {
            session.removeBreakpoint(id);
        }
    }

    private void cleanUp(AutoCloseable listener) {
        if (!session.ended()) {
            removeTriggers();
        }
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "removing the session listener failed", e);
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the gdb connection failed", e);
        }
        onClose.accept(this);
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the gdb connection failed", e);
        }
    }
}
