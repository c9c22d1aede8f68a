package dev.rewind.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's early answer to a DAP client's initialize, and the bytes it hands to the adapter. */
@Timeout(30)
class EarlyDapTest {

    private static final String CAPS = "{\"supportsStepBack\":true}";

    @TempDir
    Path dir;

    private static String frame(String json) {
        return "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    private Path bundles(boolean withCapabilities) throws IOException {
        Path b = Files.createDirectories(dir.resolve("bundles"));
        try (OutputStream f = Files.newOutputStream(b.resolve("dev.rewind.dap-0.1.0-SNAPSHOT.jar"));
             ZipOutputStream zip = new ZipOutputStream(f)) {
            if (withCapabilities) {
                zip.putNextEntry(new ZipEntry(EarlyDap.CAPABILITIES));
                zip.write((CAPS + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.closeEntry();
        }
        return b;
    }

    private static String replayed(List<String> args) {
        assertThat(args.get(0)).isEqualTo("--stdin-prefix");
        return new String(Base64.getDecoder().decode(args.get(1)), StandardCharsets.UTF_8);
    }

    @Test
    void initializeIsAnsweredAtOnceAndHandedOverWithTheRestOfTheInputUnread() throws Exception {
        String init = frame("{\"seq\":7,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{\"adapterID\":\"x\"}}");
        String next = frame("{\"seq\":8,\"type\":\"request\",\"command\":\"launch\"}");
        ByteArrayInputStream in = new ByteArrayInputStream((init + next).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EarlyDap early = new EarlyDap(bundles(true), in, out);
        early.run();
        List<String> args = early.handoff();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(frame("{\"type\":\"response\",\"seq\":1,"
                + "\"request_seq\":7,\"command\":\"initialize\",\"success\":true,\"body\":" + CAPS + "}"));
        assertThat(replayed(args)).isEqualTo(init);
        assertThat(args).endsWith("--initialize-answered");
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(next);
    }

    @Test
    void anotherFirstRequestIsOnlyReplayed() throws Exception {
        String threads = frame("{\"seq\":1,\"type\":\"request\",\"command\":\"threads\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EarlyDap early = new EarlyDap(bundles(true), new ByteArrayInputStream(threads.getBytes(StandardCharsets.UTF_8)), out);
        early.run();
        List<String> args = early.handoff();
        assertThat(out.size()).isZero();
        assertThat(replayed(args)).isEqualTo(threads);
        assertThat(args).doesNotContain("--initialize-answered");
    }

    @Test
    void withoutTheCapabilitiesFileOrWithGarbageNothingIsAnswered() throws Exception {
        String init = frame("{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EarlyDap early = new EarlyDap(bundles(false), new ByteArrayInputStream(init.getBytes(StandardCharsets.UTF_8)), out);
        early.run();
        assertThat(out.size()).isZero();
        assertThat(replayed(early.handoff())).isEqualTo(init);

        String garbage = "Content-Length: nine\r\n\r\n{}";
        EarlyDap bad = new EarlyDap(bundles(true), new ByteArrayInputStream(garbage.getBytes(StandardCharsets.UTF_8)), out);
        bad.run();
        assertThat(out.size()).isZero();
        assertThat(replayed(bad.handoff())).isEqualTo("Content-Length: nine\r\n");
    }

    @Test
    void anEmptyInputHandsOverNothing() throws Exception {
        EarlyDap early = new EarlyDap(bundles(true), new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
        early.run();
        assertThat(early.handoff()).isEmpty();
    }
}
