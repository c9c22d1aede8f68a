package dev.rewind.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.it.RewindProcess.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Plugins from a directory and the trace command, through ./rewind as users run them. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PluginsAndTraceTest {

    @Test
    void examplePluginsFromADirectoryReportAfterARun(@TempDir Path dir) throws Exception {
        for (String n : new String[] {"insncount", "hotblocks", "memhist", "cache"}) {
            String jar = "dev.rewind.plugin.example." + n + "-0.1.0-SNAPSHOT.jar";
            Files.copy(RewindProcess.ROOT.resolve("bundles/dev.rewind.plugin.example." + n + "/target/" + jar),
                    dir.resolve(jar));
        }
        Result r = RewindProcess.run("--plugins", dir.toString(), "run", "tests/guest/elf/bench-small-rv32.elf",
                "--harts", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("checksum 0xf5aac40f");
        assertThat(r.err()).contains("[insncount] hart 0: ", "[insncount] total: ", "[hotblocks] ",
                "[memhist] ", "[cache] hart 1: L1D");
    }

    @Test
    void traceWritesCtfThatBabeltraceReads(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ctf");
        Result r = RewindProcess.run("trace", "tests/guest/elf/demo-rv32.elf", "--harts", "4", "--what",
                "calls,traps,uart,mem=items_produced", "--format", "ctf", "-o", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("events ->");
        Process p = new ProcessBuilder("babeltrace2", out.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(text.lines().limit(20).toList().toString()).isZero();
        assertThat(text).contains("func_entry: { cpu_id = 3 }", "name = \"hart_main\"", "uart: ", "store: ");
    }

    @Test
    void traceRefusesAnUnknownItem(@TempDir Path dir) throws Exception {
        Result r = RewindProcess.run("trace", "tests/guest/elf/demo-rv32.elf", "--what", "calls,bogus", "-o",
                dir.resolve("t.json").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("unknown trace item 'bogus'");
    }
}
