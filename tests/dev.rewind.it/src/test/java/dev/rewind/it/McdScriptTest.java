package dev.rewind.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.it.RewindProcess.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mcd shell scripts of tests/scripts through {@code ./rewind script}, and {@code ./rewind mcd} over a socket. */
class McdScriptTest {

    private static String path(String relative) {
        return RewindProcess.ROOT.resolve(relative).toString();
    }

    @Test
    void helloScriptBreaksStepsStepsBackAndEnds() throws Exception {
        Result r = RewindProcess.run("script", path("tests/scripts/hello.gogo"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1: breakpoint at 0x", "<main>")
                .contains("ok: pc == main", "reverse step", "ok: console == hello from hart 0\\n")
                .containsPattern("hart 0 halted, time \\d+: exited with code 0");
        assertThat(r.out().lines().filter(l -> l.startsWith("ok: ")).count()).isEqualTo(10);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void demoScriptHuntsDownTheStoreThatLostAnIncrement() throws Exception {
        Result r = RewindProcess.run("script", path("tests/scripts/demo.gogo"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        Matcher culprit = Pattern.compile("culprit: hart (\\d+) stored (\\d+) at time (\\d+)").matcher(r.out());
        assertThat(culprit.find()).as(r.out()).isTrue();
        String hart = culprit.group(1);
        String value = culprit.group(2);
        // the culprit relation as the script checked it: another hart wrote the value (or more) while this hart
        // held a stale load, then this hart's store wrote the value again
        assertThat(r.out()).contains("ok: console contains LOST UPDATE: expected 12000",
                "write watchpoint on 4 bytes at 0x", "<items_produced>", "breakpoint at 0x", "<count_item+88>",
                "ok: hart ne " + hart, "ok: mem items_produced 4 ge " + value, "ok: reg a3 " + hart + " lt " + value,
                "ok: hart == " + hart, "ok: pc " + hart + " == count_item+92", "ok: mem items_produced 4 == " + value)
                .containsPattern("ok: time == \\d+\\n");
        // ./rewind demo hunts through the counter's writes instead (a watchpoint, not a breakpoint before the
        // store) and must name the same store
        Result demo = RewindProcess.run("demo");
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(demo.out().replace(",", "")).contains("at time " + culprit.group(3) + " hart " + hart + " stored "
                + value + " at ");
    }

    @Test
    void demoScriptFailsWhenTheHuntStopsAtAStoreThatLostNothing(@TempDir Path dir) throws Exception {
        String script = Files.readString(Path.of(path("tests/scripts/demo.gogo")));
        // without its loop the hunt stops at the latest plain store, an ordinary increment
        String cut = script.replaceFirst("(?ms)^while \\{.*?^\\}\\n", "");
        assertThat(cut).as("the hunt loop of demo.gogo").isNotEqualTo(script);
        Result r = RewindProcess.run("script", Files.writeString(dir.resolve("no-hunt.gogo"), cut).toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("expectation failed").doesNotContain("Exception");
        assertThat(r.out()).doesNotContain("culprit: hart");
    }

    @Test
    void recordReplayScriptDebugsTheSavedSessionAndTheCliReplaysIt(@TempDir Path dir) throws Exception {
        Result r = RewindProcess.run("script", path("tests/scripts/record-replay.gogo"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // times and harts are the scheduler's: taken from the output, related, never copied from one run
        java.util.regex.Matcher rec = java.util.regex.Pattern
                .compile("recorded tests/guest/elf/demo-rv32.elf to target/record-replay.rwd \\(time 0\\.\\.(\\d+)")
                .matcher(r.out());
        assertThat(rec.find()).as(r.out()).isTrue();
        long end = Long.parseLong(rec.group(1));
        java.util.regex.Matcher culprit = java.util.regex.Pattern.compile("culprit (\\d+)").matcher(r.out());
        assertThat(culprit.find()).as(r.out()).isTrue();
        assertThat(Long.parseLong(culprit.group(1))).as("the culprit's store comes before the end").isLessThan(end)
                .isPositive();
        assertThat(r.out()).contains("to its end at time " + end + ": state hash", " matches",
                "ok: console contains LOST UPDATE: expected 12000").containsPattern("ok: pc [0-3] == count_item\\+92");
        assertThat(r.out().lines().filter(l -> l.startsWith("ok: ")).count()).isEqualTo(14);
        assertThat(r.err()).isEmpty();
        // the same file is a recording of ./rewind record: the CLI replays it to the same state
        Result cli = RewindProcess.run("replay", path("target/record-replay.rwd"));
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("time: " + end, "replay matches the recording");
        // another program is refused
        Path script = Files.writeString(dir.resolve("mismatch.gogo"), "load " + path("tests/guest/elf/hello-rv32.elf")
                + "\nreplay " + path("target/record-replay.rwd") + " --program " + path("tests/guest/elf/hello-rv32.elf")
                + "\n");
        Result mismatch = RewindProcess.run("script", script.toString());
        assertThat(mismatch.exitCode()).isEqualTo(1);
        assertThat(mismatch.err()).contains("replay: program mismatch", "demo-rv32.elf");
    }

    @Test
    void failedExpectationStopsTheScriptWithExitOneAndExpectedVersusActual() throws Exception {
        Result r = RewindProcess.run("script", path("tests/scripts/failing.gogo"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("ok: console contains bye").doesNotContain("not reached");
        assertThat(r.err()).contains("expectation failed: expect stop contains exited with code 9",
                "expected: contains \"exited with code 9\"", "actual:   \"exited with code 7\"",
                "exit-code-rv32.elf");
    }

    @Test
    void commandsWithoutAProgramOrWithBadArgumentsFailClearly(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("bad.gogo"), "run\n");
        Result noProgram = RewindProcess.run("script", script.toString());
        assertThat(noProgram.exitCode()).isEqualTo(1);
        assertThat(noProgram.err()).contains("no program loaded: use 'mcd:load PROG.elf [HARTS]' first");

        Files.writeString(script, "load " + path("tests/guest/elf/hello-rv32.elf") + "\nbreak no_such_function\n");
        Result badSymbol = RewindProcess.run("script", script.toString());
        assertThat(badSymbol.exitCode()).isEqualTo(1);
        assertThat(badSymbol.err()).contains("no symbol 'no_such_function'");

        Files.writeString(script, "load /bin/true\n");
        Result notElf = RewindProcess.run("script", script.toString());
        assertThat(notElf.exitCode()).isEqualTo(1);
        assertThat(notElf.err()).contains("/bin/true is not a usable RISC-V ELF");
    }

    @Test
    void mcdServerBadInputAndBusyPort() throws Exception {
        Result notElf = RewindProcess.run("mcd", "/bin/true", "--port", "0");
        assertThat(notElf.exitCode()).as(notElf.toString()).isEqualTo(2);
        assertThat(notElf.err()).contains("not a usable RISC-V ELF");
        Result option = RewindProcess.run("mcd", path("tests/guest/elf/hello-rv32.elf"), "--frobnicate");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Usage: rewind mcd");
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Result r = RewindProcess.run("mcd", path("tests/guest/elf/hello-rv32.elf"), "--port",
                    Integer.toString(busy.getLocalPort()));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + busy.getLocalPort());
        }
    }

    @Test
    void mcdServerSpeaksQmpToAPlainSocketClient() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(path("rewind"), "mcd", "tests/guest/elf/hello-rv32.elf", "--port",
                "0").directory(RewindProcess.ROOT.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("REWIND_PLUGINS", path("tests/dev.rewind.it/target/no-plugins"));
        Process process = builder.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String banner = out.readLine();
            assertThat(banner).as("banner").isNotNull();
            Matcher m = Pattern.compile("MCD server for tests/guest/elf/hello-rv32.elf on 127\\.0\\.0\\.1:(\\d+) \\(1 hart, 128 MiB RAM\\)")
                    .matcher(banner);
            assertThat(m.matches()).as(banner).isTrue();
            int port = Integer.parseInt(m.group(1));
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                PrintStream send = new PrintStream(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                assertThat(in.readLine()).contains("\"QMP\"");
                List<String> replies = new ArrayList<>();
                String[] requests = {
                    "{\"execute\":\"qmp_capabilities\"}",
                    "{\"execute\":\"mcd-initialize\",\"arguments\":{\"version-req\":{\"v-api-major\":1,\"v-api-minor\":1,\"author\":\"it\"}}}",
                    "{\"execute\":\"mcd-open-server\",\"arguments\":{\"system-key\":\"\",\"config-string\":\"\"}}",
                    "{\"execute\":\"mcd-qry-cores\",\"arguments\":{\"connection-info\":" + CON + ",\"start-index\":0,\"num-cores\":1}}",
                };
                for (String request : requests) {
                    send.println(request);
                    replies.add(in.readLine());
                }
                assertThat(replies.get(1)).contains("\"return-status\":0", "\"vendor\":\"Rewind\"");
                assertThat(replies.get(2)).contains("\"return-status\":0", "\"server-uid\"");
                assertThat(replies.get(3)).contains("\"return-status\":0", "\"num-cores\":1", "\"core-con-info\"");
                String coreInfo = extractObject(replies.get(3), "\"core-con-info\":[");
                send.println("{\"execute\":\"mcd-open-core\",\"arguments\":{\"core-con-info\":" + coreInfo + "}}");
                String open = in.readLine();
                assertThat(open).contains("\"return-status\":0", "\"core-uid\":1");
                // a breakpoint at main (0x80000a6c, from the ELF's symbol table), run, poll the state
                send.println("{\"execute\":\"mcd-create-trig\",\"arguments\":{\"core-uid\":1,\"trig\":{\"trig-simple-core\":"
                        + "{\"type\":1,\"option\":0,\"action\":1,\"action-param\":0,\"modified\":false,\"state-mask\":0,"
                        + "\"addr-start\":{\"address\":2147486316,\"mem-space-id\":1,\"addr-space-id\":0,\"addr-space-type\":0},"
                        + "\"addr-range\":0}}}}");
                assertThat(in.readLine()).contains("\"return-status\":0", "\"trig-id\":1");
                send.println("{\"execute\":\"mcd-run\",\"arguments\":{\"core-uid\":1,\"global\":true}}");
                assertThat(in.readLine()).contains("\"return-status\":0");
                String state = "";
                for (int i = 0; i < 1000 && !state.contains("\"state\":3"); i++) {
                    send.println("{\"execute\":\"mcd-qry-state\",\"arguments\":{\"core-uid\":1},\"id\":" + i + "}");
                    state = in.readLine();
                }
                assertThat(state).contains("\"state\":3", "\"trig-id\":1", "breakpoint");
            }
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("server ends after quit").isTrue();
            assertThat(process.exitValue()).as(err.join()).isZero();
            assertThat(out.readLine()).isEqualTo("MCD server stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    /** The first JSON object after {@code marker} (balanced braces; the test's replies hold no braces in strings). */
    private static String extractObject(String json, String marker) {
        int start = json.indexOf(marker) + marker.length();
        int depth = 0;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return json.substring(start, i + 1);
            }
        }
        throw new AssertionError("no object after " + marker + " in " + json);
    }

    private static String readAll(Process p) {
        try {
            return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<stderr unreadable: " + e + ">";
        }
    }

    /** The system's connection info as QEMU's MCD client sends it to mcd-qry-cores. */
    private static final String CON = "{\"host\":\"\",\"server-port\":0,\"server-key\":\"\",\"system-key\":\"\","
            + "\"device-key\":\"\",\"system\":\"Rewind\",\"system-instance\":\"\",\"acc-hw\":\"\",\"device-type\":0,"
            + "\"device\":\"\",\"device-id\":0,\"core\":\"\",\"core-type\":0,\"core-id\":0}";
}
