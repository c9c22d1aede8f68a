package dev.rewind.mcd.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.mcd.backend.McdBackend;
import dev.rewind.net.AccessToken;
import dev.rewind.net.Endpoint;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The wire server on a Unix domain socket (mode 0600) with an access token. */
@Timeout(60)
class WireAccessTest {
    @TempDir
    Path dir;

    record Client(SocketChannel ch, BufferedReader in) implements AutoCloseable {
        String call(String json) throws Exception {
            ch.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
            return in.readLine();
        }

        @Override
        public void close() throws Exception {
            ch.close();
        }
    }

    static Client connect(Path sock) throws Exception {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(sock));
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                StandardCharsets.UTF_8));
        in.readLine(); // greeting
        return new Client(ch, in);
    }

    @Test
    void unixSocketWithToken() throws Exception {
        var api = McdBackend.builder(ElfLoader.parse(WireServerTest.ELF)).build();
        Path sock = dir.resolve("rewind-mcd.sock");
        McdWireServer server = new McdWireServer(api);
        server.start(Endpoint.unix(sock), AccessToken.of("open-sesame"));
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sock))).isEqualTo("rw-------");
            assertThat(server.address()).isEqualTo("unix:" + sock.toAbsolutePath());
            String systems = "{\"execute\":\"mcd-qry-systems\",\"arguments\":{\"start-index\":0,\"num-systems\":1}}";
            try (Client c = connect(sock)) {
                assertThat(c.call(systems)).contains("\"error\"").contains("requires a token");
                assertThat(c.call("{\"execute\":\"rewind-authenticate\",\"arguments\":{\"token\":\"open-sesame\"}}"))
                        .contains("\"return-status\":0");
                assertThat(c.call(systems)).contains("\"return\"").contains("\"return-status\":0");
            }
            try (Client c = connect(sock)) {
                assertThat(c.call("{\"execute\":\"rewind-authenticate\",\"arguments\":{\"token\":\"guess\"}}"))
                        .contains("wrong token");
                assertThat(c.in().readLine()).as("connection closed after a wrong token").isNull();
            }
            try (Client c = connect(sock)) {
                assertThat(c.call("{\"execute\": }")).contains("requires a token");
            }
        } finally {
            server.stop();
        }
        assertThat(sock).doesNotExist();
    }
}
