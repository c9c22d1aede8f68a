package dev.rewind.gdb;

import dev.rewind.debug.DebugSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A GDB remote-serial-protocol stub for one debug session: harts are threads, the machine runs all-stop, time
 * runs both ways ({@code bs}/{@code bc}), and {@code monitor} commands reach time and bookmarks. Any number of
 * gdb clients may connect one after the other (or at once); the session outlives them. No static state.
 */
public final class GdbServer implements AutoCloseable {
    private final DebugSession session;
    private final Set<GdbConnection> connections = ConcurrentHashMap.newKeySet();
    private ServerSocket serverSocket;

    public GdbServer(DebugSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Binds {@code host} (null: loopback) and {@code port} (0: a free one, see {@link #port()}) and accepts. */
    public synchronized void start(String host, int port) throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started on port " + serverSocket.getLocalPort());
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 0..65535");
        }
        InetAddress address = host == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(address, port));
        serverSocket = ss;
        Thread accept = new Thread(() -> acceptLoop(ss), "gdb-accept-" + ss.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            Socket s;
            try {
                s = ss.accept();
            } catch (IOException e) {
                return; // closed by close()
            }
            GdbConnection c = new GdbConnection(s, session, connections::remove);
            connections.add(c);
            Thread t = new Thread(c, "gdb-conn-" + s.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    public synchronized int port() {
        if (serverSocket == null) {
            throw new IllegalStateException("not started");
        }
        return serverSocket.getLocalPort();
    }

    public DebugSession session() {
        return session;
    }

    /** Stops accepting and closes every connection; the session stays. */
    @Override
    public synchronized void close() {
        if (serverSocket != null) {
            try {
                serverSocket.close();
            } catch (IOException e) {
                throw new IllegalStateException("closing the gdb server socket failed: " + e.getMessage(), e);
            }
        }
        for (GdbConnection c : connections) {
            c.close();
        }
    }
}
