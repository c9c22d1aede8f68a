package dev.rewind.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class EndpointTest {
    @TempDir
    Path dir;

    @Test
    void unixSocketIsPrivateAndCarriesBytesBothWaysAtOnce() throws Exception {
        Path sock = dir.resolve("mcd.sock");
        try (Endpoint e = Endpoint.unix(sock)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sock))).isEqualTo("rw-------");
            assertThat(e.describe()).isEqualTo("unix:" + sock.toAbsolutePath());
            assertThat(e.port()).isEqualTo(-1);
            try (var names = Files.list(dir)) {
                assertThat(names.map(p -> p.getFileName().toString())).containsExactly("mcd.sock");
            }
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                client.connect(Endpoint.address(sock));
                try (Link link = e.accept()) {
                    // a read blocked on the server side must not block a write from another thread
                    CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                        try {
                            return link.in().read();
                        } catch (java.io.IOException x) {
                            throw new IllegalStateException(x);
                        }
                    });
                    Thread.sleep(100);
                    link.out().write('A');
                    link.out().flush();
                    ByteBuffer b = ByteBuffer.allocate(1);
                    client.read(b);
                    assertThat(b.get(0)).isEqualTo((byte) 'A');
                    client.write(ByteBuffer.wrap(new byte[] {'B'}));
                    assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo('B');
                }
            }
        }
        assertThat(sock).as("removed on close").doesNotExist();
    }

    @Test
    void staleSocketsAreReplacedOtherFilesRefused() throws Exception {
        Path sock = dir.resolve("s.sock");
        try (Endpoint first = Endpoint.unix(sock)) {
            assertThatThrownBy(() -> Endpoint.unix(sock)).isInstanceOf(FileAlreadyExistsException.class)
                    .hasMessageContaining("another server is listening");
        }
        // a crashed server leaves its socket file behind: a closed channel keeps the file
        try (var ch = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(Endpoint.address(sock));
        }
        assertThat(sock).exists();
        try (Endpoint again = Endpoint.unix(sock)) {
            assertThat(again.isOpen()).isTrue();
        }
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> Endpoint.unix(file)).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("not a socket");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void tcpListensOnLoopback() throws Exception {
        try (Endpoint e = Endpoint.tcp(null, 0)) {
            assertThat(e.describe()).startsWith("127.0.0.1:");
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", e.port()); Link link = e.accept()) {
                OutputStream out = s.getOutputStream();
                out.write('x');
                out.flush();
                InputStream in = link.in();
                assertThat(in.read()).isEqualTo('x');
                assertThat(link.peer()).startsWith("127.0.0.1:");
            }
        }
    }

    @Test
    void tokensCompareExactlyAndStayHidden() throws Exception {
        AccessToken t = AccessToken.of("s3cret-42");
        assertThat(t.required()).isTrue();
        assertThat(t.accepts(Optional.of("s3cret-42"))).isTrue();
        assertThat(t.accepts(Optional.of("s3cret-4"))).isFalse();
        assertThat(t.accepts(Optional.empty())).isFalse();
        assertThat(t.toString()).doesNotContain("s3cret");
        assertThat(AccessToken.none().accepts(Optional.empty())).isTrue();
        assertThatThrownBy(() -> AccessToken.of("two words")).isInstanceOf(IllegalArgumentException.class);
        Path f = Files.writeString(dir.resolve("token"), "abc123\nignored\n");
        assertThat(AccessToken.fromFile(f).accepts(Optional.of("abc123"))).isTrue();
    }
}
