package dev.rewind.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.trace.export.ChromeExport;
import dev.rewind.trace.export.CtfExport;
import dev.rewind.trace.export.HtmlExport;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The exports of the 4-hart demo's trace, read back by real readers (gson, babeltrace2). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExportTest {

    static Trace demoTrace() throws Exception {
        ElfImage img = TraceRecorderTest.demo();
        return TraceRecorderTest.run(img, "calls,traps,uart,mem=items_produced", true).rec().snapshot();
    }

    static long count(Trace t, EventKind k) {
        long n = 0;
        for (Lane l : t.lanes()) {
            for (int c : l.kind()) {
                n += EventKind.of(c) == k ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void chromeJsonParsesWithBalancedCallsPerHart() throws Exception {
        Trace t = demoTrace();
        StringWriter w = new StringWriter();
        ChromeExport.write(t, w);
        JsonObject root = JsonParser.parseString(w.toString()).getAsJsonObject();
        var events = root.getAsJsonArray("traceEvents");
        Map<Integer, Integer> depth = new HashMap<>();
        int begins = 0;
        int uart = 0;
        boolean hartMain = false;
        for (var e : events) {
            JsonObject o = e.getAsJsonObject();
            String ph = o.get("ph").getAsString();
            if (ph.equals("M")) {
                continue;
            }
            assertThat(o.get("ts").getAsLong()).isNotNegative();
            int tid = o.get("tid").getAsInt();
            if (ph.equals("B")) {
                begins++;
                depth.merge(tid, 1, Integer::sum);
                hartMain |= o.get("name").getAsString().equals("hart_main");
            } else if (ph.equals("E")) {
                depth.merge(tid, -1, Integer::sum);
                assertThat(depth.get(tid)).isNotNegative();
            } else if (o.get("cat").getAsString().equals("uart")) {
                uart++;
            }
        }
        assertThat(depth.values()).allMatch(d -> d == 0);
        assertThat(begins).isEqualTo(count(t, EventKind.ENTRY));
        assertThat(uart).isEqualTo(count(t, EventKind.UART));
        assertThat(hartMain).isTrue();
    }

    @Test
    void babeltrace2ReadsTheCtfTraceEventForEvent(@TempDir Path dir) throws Exception {
        Trace t = demoTrace();
        Path ctf = dir.resolve("ctf");
        CtfExport.write(t, ctf);
        Process p = new ProcessBuilder("babeltrace2", ctf.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text.substring(0, Math.min(2000, text.length()))).isZero();
        List<String> lines = text.lines().toList();
        assertThat((long) lines.size()).isEqualTo(t.events());
        assertThat(lines.stream().filter(l -> l.contains(" func_entry:")).count()).isEqualTo(count(t, EventKind.ENTRY));
        assertThat(lines.stream().filter(l -> l.contains(" store:")).count()).isEqualTo(count(t, EventKind.STORE));
        assertThat(lines.stream().filter(l -> l.contains(" exit:")).count()).isEqualTo(4);
        assertThat(text).contains("name = \"hart_main\"");
    }

    @Test
    void htmlTimelineIsOneSelfContainedPage(@TempDir Path dir) throws Exception {
        Trace t = demoTrace();
        StringWriter w = new StringWriter();
        HtmlExport.write(t, w);
        String html = w.toString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("hart_main").doesNotContain("__DATA__")
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("src=");
        Files.writeString(dir.resolve("t.html"), html);
    }
}
