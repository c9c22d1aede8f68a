package dev.rewind.dap;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.DebugSessions;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * One DAP client on a pair of streams (stdio or a socket): lsp4j reads and writes the framed messages, a
 * worker thread runs the handlers in order. {@link #run()} returns when the client's input ends; a session
 * the client launched ends with it. Every thread is a daemon, so nothing here keeps a JVM alive.
 */
public final class DapConnection {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final DapContext context;
    private final InputStream in;
    private final OutputStream out;
    private final AtomicBoolean initializeAnswered;
    private final WireTrace trace = WireTrace.fromEnvironment();

    public DapConnection(DebugSessions sessions, InputStream in, OutputStream out) {
        this(sessions, null, in, out, false);
    }

    /** @param bus the event bus (traces of sessions), or null */
    public DapConnection(DebugSessions sessions, dev.rewind.bus.EventBus bus, InputStream in, OutputStream out) {
        this(sessions, bus, in, out, false);
    }

    /**
     * With {@code initializeAnswered}, the response to the client's {@code initialize} has already gone out (the
     * launcher answered it while the runtime started): the request is handled, its response not written again.
     */
    public DapConnection(DebugSessions sessions, dev.rewind.bus.EventBus bus, InputStream in, OutputStream out,
            boolean initializeAnswered) {
        this.context = new DapContext(sessions);
        this.context.bus(bus);
        this.in = in;
        this.out = out;
        this.initializeAnswered = new AtomicBoolean(initializeAnswered);
    }

    public DapContext context() {
        return context;
    }

    /** Serves until the input ends or the thread is interrupted; then lets go of the session. */
    public void run() {
        int n = COUNT.incrementAndGet();
        ExecutorService io = Executors.newCachedThreadPool(daemon("rewind-dap-" + n + "-io"));
        DapWorker worker = new DapWorker(Executors.newSingleThreadExecutor(daemon("rewind-dap-" + n + "-worker")));
        try {
            DapServer server = new DapServer(context, worker);
            Launcher<IDebugProtocolClient> launcher = DSPLauncher.createServerLauncher(server, in, out, io,
                    this::afterResponses);
            context.client(launcher.getRemoteProxy());
            context.remote(launcher.getRemoteEndpoint());
            Future<Void> listening = launcher.startListening();
            try {
                listening.get();
            } catch (ExecutionException e) {
                System.err.println("rewind dap: connection " + n + " ended: " + DapErrors.unwrap(e));
            } catch (InterruptedException e) {
                listening.cancel(true);
                Thread.currentThread().interrupt();
            }
        } finally {
            release();
            worker.shutdownNow();
            io.shutdownNow();
        }
    }

    /** Outgoing messages: after a response goes out, any action waiting for it (initialized after initialize). */
    private MessageConsumer afterResponses(MessageConsumer stream) {
        if (!(stream instanceof StreamMessageConsumer)) {
            return trace == null ? stream : trace.wrap(stream, false); // incoming
        }
        MessageConsumer consumer = trace == null ? stream : trace.wrap(stream, true);
        return (Message message) -> {
            boolean answered = message instanceof DebugResponseMessage r && "initialize".equals(r.getMethod())
                    && initializeAnswered.getAndSet(false);
            if (!answered) {
                consumer.consume(message);
            }
            if (message instanceof DebugResponseMessage r && r.getMethod() != null) {
                Runnable action = context.takeAfterResponse(r.getMethod());
                if (action != null && r.getError() == null) {
                    action.run();
                }
            }
        };
    }

    private void release() {
        DebugSession s = context.sessionOrNull();
        context.unbind();
        if (s != null && context.ownsSession() && !s.ended()) {
            s.end();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
