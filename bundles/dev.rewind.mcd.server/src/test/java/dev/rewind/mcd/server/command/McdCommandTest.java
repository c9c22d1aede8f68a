package dev.rewind.mcd.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code rewind mcd} in process: banner, quit on standard input, exit codes for bad input and a busy port. */
class McdCommandTest {
    static final String HELLO = "../../tests/guest/elf/hello-rv32.elf";

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = McdCommand.mcd(new dev.rewind.debug.SessionManager(), args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void servesUntilQuit() {
        Outcome o = run("help\nquit\n", HELLO, "--port", "0", "--harts", "2", "--quantum", "10");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).matches("(?s)MCD server for .*hello-rv32\\.elf on 127\\.0\\.0\\.1:\\d+ \\(2 harts, 128 MiB RAM\\)\n"
                + "MCD server stopped\n");
    }

    @Test
    void badInputIsExitCodeTwo() {
        assertThat(run("", "/bin/true").code()).isEqualTo(2);
        assertThat(run("", "/no/such.elf").err()).contains("no such file: /no/such.elf");
        assertThat(run("", HELLO, "--port", "70000").err()).contains("--port 70000 is outside 0..65535");
        Outcome harts = run("", HELLO, "--harts", "0", "--port", "0");
        assertThat(harts.code()).isEqualTo(2);
        assertThat(harts.err()).contains("cannot load");
        assertThat(run("", HELLO, "--host", "no-such-host.invalid", "--port", "0").code()).isEqualTo(2);
        assertThat(run("", "--port").err()).contains("Usage: rewind mcd");
        assertThat(run("", HELLO, "--ram", "lots").err()).contains("not a size: 'lots'");
        assertThat(run("", HELLO, "--token", "a b", "--port", "0").err()).contains("a token must be");
    }

    @Test
    void ramSizeUnixSocketAndToken(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path sock = dir.resolve("mcd.sock");
        java.nio.file.Path token = java.nio.file.Files.writeString(dir.resolve("token"), "t0k3n\n");
        Outcome o = run("quit\n", HELLO, "--ram", "64M", "--unix-socket", sock.toString(), "--token-file",
                token.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("on unix:" + sock.toAbsolutePath() + " (1 hart, 64 MiB RAM, token required)");
        assertThat(sock).as("socket removed at quit").doesNotExist();
        java.nio.file.Files.writeString(sock, "not a socket");
        Outcome busy = run("quit\n", HELLO, "--unix-socket", sock.toString());
        assertThat(busy.code()).isEqualTo(1);
        assertThat(busy.err()).contains("is not a socket");
    }

    @Test
    void busyPortIsExitCodeOne() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Outcome o = run("quit\n", HELLO, "--port", Integer.toString(busy.getLocalPort()));
            assertThat(o.code()).isEqualTo(1);
            assertThat(o.err()).contains("cannot listen on 127.0.0.1:" + busy.getLocalPort(), "--port 0 picks a free one");
        }
    }
}
