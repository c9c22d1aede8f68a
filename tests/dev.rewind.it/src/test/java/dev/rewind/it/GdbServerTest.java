package dev.rewind.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ./rewind gdb} in the real runtime, driven by gdb-multiarch (Debian package gdb-multiarch). */
@Timeout(180)
class GdbServerTest {

    @Test
    void gdbDebugsEveryHartOfTheRuntimesSessionForwardsAndBackwards() throws Exception {
        Path gdb = Path.of("/usr/bin/gdb-multiarch");
        if (!Files.isExecutable(gdb)) {
            fail("gdb-multiarch is not installed: this test drives the real gdb (apt-get install gdb-multiarch)");
        }
        String elf = "tests/guest/elf/demo-rv32.elf";
        ProcessBuilder builder = new ProcessBuilder(RewindProcess.ROOT.resolve("rewind").toString(), "gdb", elf,
                "--harts", "4", "--port", "0").directory(RewindProcess.ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("REWIND_PLUGINS", RewindProcess.ROOT.resolve("tests/dev.rewind.it/target/no-plugins")
                .toString());
        Process stub = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
            String banner = out.readLine();
            Matcher m = Pattern.compile("GDB server for .*demo-rv32\\.elf on 127\\.0\\.0\\.1:(\\d+) \\(4 harts, session s\\d+\\)")
                    .matcher(String.valueOf(banner));
            assertThat(m.matches()).as(banner).isTrue();
            Process client = new ProcessBuilder(gdb.toString(), "-nx", "-batch", "-ex", "set pagination off",
                    "-ex", "target remote 127.0.0.1:" + m.group(1), "-ex", "info threads", "-ex", "break count_item",
                    "-ex", "continue", "-ex", "monitor time", "-ex", "reverse-stepi", "-ex", "monitor time",
                    RewindProcess.ROOT.resolve(elf).toString()).redirectErrorStream(true).start();
            client.getOutputStream().close();
            String text = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(client.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(text).contains("Thread 4 \"hart 3\"").containsPattern("hit Breakpoint 1, count_item \\(");
            Matcher times = Pattern.compile("time (\\d+) \\(history").matcher(text);
            assertThat(times.find()).as(text).isTrue();
            long at = Long.parseLong(times.group(1));
            assertThat(times.find()).as(text).isTrue();
            assertThat(Long.parseLong(times.group(1))).as("reverse-stepi went back").isLessThan(at);
            try (OutputStream stdin = stub.getOutputStream()) {
                stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(stub.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(stub.exitValue()).isZero();
        } catch (IOException e) {
            throw new AssertionError("talking to ./rewind gdb failed", e);
        } finally {
            stub.destroy();
        }
    }
}
