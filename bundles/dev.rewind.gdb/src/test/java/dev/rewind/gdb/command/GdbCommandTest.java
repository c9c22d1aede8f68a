package dev.rewind.gdb.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.SessionManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code rewind gdb} in process on the real debug services: banner, attach to a live session, exit codes. */
@Timeout(120)
class GdbCommandTest {
    static final Path HELLO = Path.of("../../tests/guest/elf/hello-rv32.elf");

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(SessionManager sessions, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GdbCommand.gdb(sessions, args, new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void launchesServesAndEndsItsSessionAtQuit() {
        SessionManager sessions = new SessionManager();
        try {
            Outcome o = run(sessions, "quit\n", HELLO.toString(), "--port", "0", "--harts", "2", "--quantum", "10");
            assertThat(o.code()).as(o.err()).isZero();
            assertThat(o.out()).matches("(?s)GDB server for .*hello-rv32\\.elf on 127\\.0\\.0\\.1:\\d+ \\(2 harts, "
                    + "session s\\d+\\)\nconnect: gdb-multiarch .*hello-rv32\\.elf -ex 'target remote 127\\.0\\.0\\.1:\\d+'\n"
                    + "GDB server stopped\n");
            assertThat(sessions.sessions()).as("the launched session ends with the server").isEmpty();
        } finally {
            sessions.close();
        }
    }

    @Test
    void attachesToALiveSessionAndLeavesItRunningAfterwards() throws Exception {
        SessionManager sessions = new SessionManager();
        try {
            DebugSession s = sessions.launch(LaunchConfig.of(HELLO.toAbsolutePath()).withHarts(2)).get(30,
                    TimeUnit.SECONDS);
            PipedOutputStream stdin = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(stdin);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> GdbCommand.gdb(sessions,
                    new String[] {"--attach", s.id(), "--port", "0"}, in, ps, ps));
            Matcher port = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+) \\(2 harts, session " + s.id() + "\\)")
                    .matcher("");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!port.reset(out.toString(StandardCharsets.UTF_8)).find() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(port.find(0)).as(out.toString(StandardCharsets.UTF_8)).isTrue();
            // gdb drives the shared session; its step is the session's
            String gdb = dev.rewind.gdb.GdbAccess.batch(HELLO, Integer.parseInt(port.group(1)), "stepi", "info threads");
            assertThat(gdb).contains("Thread 2 \"hart 1\"");
            assertThat(s.lastStop().time()).isPositive();
            stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertThat(code.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(s.ended()).as("an attached session outlives the server").isFalse();
        } finally {
            sessions.close();
        }
    }

    @Test
    void gdbsKillEndsTheSessionAndTheCommand() throws Exception {
        SessionManager sessions = new SessionManager();
        try {
            PipedOutputStream stdin = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(stdin);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> GdbCommand.gdb(sessions,
                    new String[] {HELLO.toString(), "--port", "0"}, in, ps, ps));
            Matcher port = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+) ").matcher("");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!port.reset(out.toString(StandardCharsets.UTF_8)).find() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(port.find(0)).as(out.toString(StandardCharsets.UTF_8)).isTrue();
            dev.rewind.gdb.GdbAccess.batch(HELLO, Integer.parseInt(port.group(1)), "kill");
            assertThat(code.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(sessions.sessions()).isEmpty();
            stdin.close();
        } finally {
            sessions.close();
        }
    }

    @Test
    void badInputIsExitCodeTwoAndABusyPortOne() throws IOException {
        SessionManager sessions = new SessionManager();
        try {
            assertThat(run(sessions, "", "/no/such.elf", "--port", "0").err()).contains("no such file: /no/such.elf");
            assertThat(run(sessions, "", "/bin/true", "--port", "0").code()).isEqualTo(2);
            assertThat(run(sessions, "", "--attach", "s999", "--port", "0").err()).contains("no session s999");
            assertThat(run(sessions, "", HELLO.toString(), "--port", "70000").err()).contains("outside 0..65535");
            assertThat(run(sessions, "").err()).contains("give PROG.elf");
            assertThat(run(sessions, "", "--nope").err()).contains("Usage: rewind gdb");
            assertThat(run(sessions, "", HELLO.toString(), "--harts", "0", "--port", "0").code()).isEqualTo(2);
            try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Outcome o = run(sessions, "quit\n", HELLO.toString(), "--port", Integer.toString(busy.getLocalPort()));
                assertThat(o.code()).isEqualTo(1);
                assertThat(o.err()).contains("--port 0 picks a free one");
            }
            assertThat(sessions.sessions()).isEmpty();
        } finally {
            sessions.close();
        }
    }
}
