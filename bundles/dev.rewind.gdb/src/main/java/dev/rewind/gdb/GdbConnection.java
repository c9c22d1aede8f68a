package dev.rewind.gdb;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.SessionEvent;
import dev.rewind.gdb.rsp.Inbound;
import dev.rewind.gdb.rsp.PacketReader;
import dev.rewind.gdb.rsp.PacketWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;

/**
 * One gdb client. A reader thread turns the socket into {@link Inbound} items; this thread takes them, the
 * completions of runs and the session's events from one queue, so a Ctrl-C (0x03) reaches a running forward or
 * reverse operation, console output goes out as {@code O} packets while the target runs, and the stop reply goes
 * out when the run completes ({@link GdbRun}). A client that goes away mid-run leaves the session as it is (running
 * or not), without the breakpoints this client inserted.
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
    private GdbRun runs;

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
            runs = new GdbRun(session, queue, writer, console, handler);
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
                case Inbound.Interrupt i -> runs.interrupt();
                case Inbound.Eof e -> {
                    return;
                }
                case GdbRun.Done d -> runs.finish(d);
                case SessionEvent.Output o -> console.output(o.text(), runs.active());
                case SessionEvent.Ended e -> {
                    runs.sessionEnded();
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
            case Reply.Run r -> runs.start(r);
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
