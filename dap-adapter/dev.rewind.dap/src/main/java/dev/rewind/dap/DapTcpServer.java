package dev.rewind.dap;

import dev.rewind.debug.DebugSessions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * DAP over TCP on 127.0.0.1: every accepted client gets its own {@link DapConnection} (and, when it launches,
 * its own session) on its own daemon thread; clients may come one after another or at the same time.
 */
public final class DapTcpServer implements AutoCloseable {

    private final DebugSessions sessions;
    private final dev.rewind.bus.EventBus bus;
    private final ServerSocket socket;
    private final Thread acceptor;

    public DapTcpServer(DebugSessions sessions, int port) throws IOException {
        this(sessions, null, port);
    }

    /** @param bus the event bus (traces of sessions), or null */
    public DapTcpServer(DebugSessions sessions, dev.rewind.bus.EventBus bus, int port) throws IOException {
        this.sessions = sessions;
        this.bus = bus;
        this.socket = new ServerSocket(port, 16, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "rewind-dap-accept");
        this.acceptor.setDaemon(true);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public DapTcpServer start() {
        acceptor.start();
        return this;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(client), "rewind-dap-client-" + client.getPort());
                t.setDaemon(true);
                t.start();
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                System.err.println("rewind dap: accepting a client failed: " + e.getMessage());
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            new DapConnection(sessions, bus, client.getInputStream(), client.getOutputStream()).run();
        } catch (IOException e) {
            System.err.println("rewind dap: client " + client.getRemoteSocketAddress() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            System.err.println("rewind dap: closing the server socket failed: " + e.getMessage());
        }
    }
}
