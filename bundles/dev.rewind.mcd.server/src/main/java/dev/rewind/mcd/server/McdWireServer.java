package dev.rewind.mcd.server;

import dev.rewind.mcd.api.McdApi;
import dev.rewind.net.AccessToken;
import dev.rewind.net.Endpoint;
import dev.rewind.net.Link;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCD wire server: QMP-style JSON over TCP or a Unix domain socket, command for command as QEMU's MCD series
 * (qapi/mcd.json) plus Rewind's additions (docs/WIRE.md). Any number of clients may connect; servers, cores,
 * triggers and error info are shared by all connections and survive a client reconnecting. With an access token,
 * a connection must send {@code rewind-authenticate} first. No static state: several servers can run in one JVM.
 */
public final class McdWireServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(McdWireServer.class.getName());
    private final WireState state;
    private final Dispatcher dispatcher;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private Endpoint endpoint;
    private AccessToken token = AccessToken.none();
    private Thread acceptThread;

    /** Serves {@code api}; {@code rewind-open-recording} switches to recordings opened as new debug sessions. */
    public McdWireServer(McdApi api) {
        this(api, SessionOpener.of(new dev.rewind.debug.SessionManager()));
    }

    /** Serves {@code api}; {@code rewind-open-recording} switches to the sessions {@code opener} builds. */
    public McdWireServer(McdApi api, SessionOpener opener) {
        this.state = new WireState(Objects.requireNonNull(api, "api"), Objects.requireNonNull(opener, "opener"));
        this.dispatcher = new Dispatcher(state);
    }

    /**
     * Binds a TCP port and starts accepting. {@code host} null means loopback; port 0 picks a free port
     * (see {@link #port()}).
     */
    public synchronized void start(String host, int port) throws IOException {
        if (endpoint != null) {
            throw new IllegalStateException("already started on " + endpoint.describe());
        }
        start(Endpoint.tcp(host, port), AccessToken.none());
    }

    /** Starts accepting on {@code listen} (which the server then owns); clients must present {@code access}. */
    public synchronized void start(Endpoint listen, AccessToken access) {
        if (endpoint != null) {
            throw new IllegalStateException("already started on " + endpoint.describe());
        }
        endpoint = Objects.requireNonNull(listen, "listen");
        token = Objects.requireNonNull(access, "access");
        Endpoint e = listen;
        acceptThread = new Thread(() -> acceptLoop(e), "mcd-wire-accept-" + e.describe());
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    private void acceptLoop(Endpoint e) {
        while (e.isOpen()) {
            Link link;
            try {
                link = e.accept();
            } catch (IOException x) {
                if (e.isOpen()) {
                    LOG.log(System.Logger.Level.ERROR, "MCD server on " + e.describe() + " stopped accepting", x);
                }
                return; // closed by stop()
            }
            Connection[] holder = new Connection[1];
            Connection c = new Connection(link, dispatcher, new AuthGate(token), () -> connections.remove(holder[0]));
            holder[0] = c;
            connections.add(c);
            Thread t = new Thread(c, "mcd-wire-conn-" + link.peer());
            t.setDaemon(true);
            t.start();
        }
    }

    /** The bound TCP port (-1 on a Unix domain socket). */
    public synchronized int port() {
        if (endpoint == null) {
            throw new IllegalStateException("not started");
        }
        return endpoint.port();
    }

    /** Where the server listens: {@code 127.0.0.1:1235} or {@code unix:/path}. */
    public synchronized String address() {
        if (endpoint == null) {
            throw new IllegalStateException("not started");
        }
        return endpoint.describe();
    }

    /** Names of all commands this server understands (besides qmp_capabilities and rewind-authenticate). */
    public Set<String> commands() {
        return dispatcher.commandNames();
    }

    /** Stops accepting and closes every connection (and removes a Unix socket file). The McdApi is left as it is. */
    public synchronized void stop() {
        if (endpoint == null) {
            return;
        }
        try {
            endpoint.close();
        } catch (IOException e) {
            throw new IllegalStateException("closing " + endpoint.describe() + " failed: " + e.getMessage(), e);
        } finally {
            for (Connection c : connections) {
                c.close();
            }
            connections.clear();
            endpoint = null;
        }
        try {
            acceptThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
