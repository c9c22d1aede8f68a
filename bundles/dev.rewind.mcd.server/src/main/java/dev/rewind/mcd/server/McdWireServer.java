package dev.rewind.mcd.server;

import dev.rewind.mcd.api.McdApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCD wire server: QMP-style JSON over TCP, command for command as QEMU's MCD series
 * (qapi/mcd.json) plus Rewind's additions (docs/WIRE.md). Any number of clients may connect;
 * servers, cores, triggers and error info are shared by all connections and survive a client
 * reconnecting. No static state: several servers can run in one JVM.
 */
public final class McdWireServer implements AutoCloseable {
    private final WireState state;
    private final Dispatcher dispatcher;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private ServerSocket serverSocket;
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
     * Binds and starts accepting. {@code host} null means loopback; port 0 picks a free port
     * (see {@link #port()}).
     */
    public synchronized void start(String host, int port) throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 0..65535");
        }
        InetAddress addr = host == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(addr, port));
        serverSocket = ss;
        acceptThread = new Thread(() -> acceptLoop(ss), "mcd-wire-accept-" + ss.getLocalPort());
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            Socket s;
            try {
                s = ss.accept();
            } catch (IOException e) {
                return; // closed by stop()
            }
            Connection[] holder = new Connection[1];
            Connection c = new Connection(s, dispatcher, () -> connections.remove(holder[0]));
            holder[0] = c;
            connections.add(c);
            Thread t = new Thread(c, "mcd-wire-conn-" + s.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    /** The bound port. */
    public synchronized int port() {
        if (serverSocket == null) {
            throw new IllegalStateException("not started");
        }
        return serverSocket.getLocalPort();
    }

    /** Names of all commands this server understands (besides qmp_capabilities). */
    public Set<String> commands() {
        return dispatcher.commandNames();
    }

    /** Stops accepting and closes every connection. The McdApi is left as it is. */
    public synchronized void stop() {
        if (serverSocket == null) {
            return;
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            throw new IllegalStateException("closing the server socket failed", e);
        } finally {
            for (Connection c : connections) {
                c.close();
            }
            connections.clear();
            serverSocket = null;
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
