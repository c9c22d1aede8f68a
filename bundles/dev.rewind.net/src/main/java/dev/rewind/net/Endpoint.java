package dev.rewind.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a server listens: a TCP port (loopback unless a host is given) or a Unix domain socket. The socket file is
 * created with mode 0600 without a window in which others could connect (bound in a private directory, made
 * 0600, then renamed into place) and removed by {@link #close()}. A stale socket file nobody listens on is
 * replaced; anything else at the path is refused.
 */
public final class Endpoint implements Closeable {
    private final ServerSocketChannel channel;
    private final Path unixPath;

    private Endpoint(ServerSocketChannel channel, Path unixPath) {
        this.channel = channel;
        this.unixPath = unixPath;
    }

    /** Listens on {@code host} ({@code null}: loopback) and {@code port} (0: a free one). */
    public static Endpoint tcp(String host, int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 0..65535");
        }
        InetAddress addr = host == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.socket().setReuseAddress(true);
            ch.bind(new InetSocketAddress(addr, port));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new Endpoint(ch, null);
    }

    /** Listens on a Unix domain socket at {@code path}, mode 0600. */
    public static Endpoint unix(Path path) throws IOException {
        Path target = path.toAbsolutePath();
        UnixSockets.removeStale(target);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            UnixSockets.bindPrivate(ch, target);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new Endpoint(ch, target);
    }

    /** Waits for the next client. */
    public Link accept() throws IOException {
        SocketChannel c = channel.accept();
        String peer;
        if (unixPath == null) {
            c.socket().setTcpNoDelay(true);
            InetSocketAddress a = (InetSocketAddress) c.getRemoteAddress();
            peer = a.getAddress().getHostAddress() + ":" + a.getPort();
            return new Link(c.socket().getInputStream(), c.socket().getOutputStream(), peer, c);
        }
        return new Link(Channels.newInputStream(c), Channels.newOutputStream(c), "unix:" + unixPath, c);
    }

    /** The bound TCP port, or -1 for a Unix domain socket. */
    public int port() {
        return unixPath == null ? channel.socket().getLocalPort() : -1;
    }

    public Optional<Path> unixPath() {
        return Optional.ofNullable(unixPath);
    }

    /** {@code 127.0.0.1:1235} or {@code unix:/run/user/1000/rewind.sock}. */
    public String describe() {
        if (unixPath != null) {
            return "unix:" + unixPath;
        }
        InetSocketAddress a = (InetSocketAddress) channel.socket().getLocalSocketAddress();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Stops listening (connections already accepted stay open) and removes the socket file. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (unixPath != null) {
                Files.deleteIfExists(unixPath);
            }
        }
    }

    static UnixDomainSocketAddress address(Path p) {
        return UnixDomainSocketAddress.of(p);
    }
}
