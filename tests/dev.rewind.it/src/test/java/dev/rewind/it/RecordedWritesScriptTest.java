package dev.rewind.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.it.RewindProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debugger writes in recordings end to end: a scripted mcd session of the 4-hart demo writes memory and CSRs
 * (one write in the past, dropping a later one), records itself and replays the file in the same script; then
 * {@code ./rewind replay} replays it in a fresh process and reaches the recorded state.
 */
class RecordedWritesScriptTest {

    @Test
    void aSessionWithWritesIsRecordedAndReplayedByTheScriptAndTheCli(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("writes.rwd");
        Path script = dir.resolve("writes.gogo");
        String elf = RewindProcess.ROOT.resolve("tests/guest/elf/demo-rv32.elf").toString();
        Files.writeString(script, String.join("\n",
                "load " + elf + " 4",
                "goto 50000",
                "mem write priority_hist 7 0 0 0",
                "reg mscratch 1 = 0x1234",
                "goto 100000",
                "mem write priority_hist+4 9 9 9 9",
                "goto 80000",
                "reg mscratch 2 = 0x55",
                "expect mem priority_hist+4 4 != 0x09090909",
                "goto 150000",
                "bookmark add after",
                "record " + file,
                "replay " + file + " --to 90000",
                "expect reg mscratch 2 == 0x55",
                "expect reg mscratch 1 == 0x1234",
                "expect mem priority_hist+4 4 != 0x09090909",
                "goto 79999",
                "expect reg mscratch 2 == 0",
                ""));
        Result r = RewindProcess.run("script", script.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("recorded " + elf + " to " + file + " (time 0..150000, 1 bookmark)",
                "to its end at time 150000: state hash", " matches", "ok: reg mscratch 2 == 0x55");
        assertThat(r.out().lines().filter(l -> l.startsWith("ok: ")).count()).isEqualTo(5);

        Result replay = RewindProcess.run("replay", file.toString());
        assertThat(replay.exitCode()).as(replay.toString()).isZero();
        assertThat(replay.out()).contains("time: 150000", "replay matches the recording");
        Result mid = RewindProcess.run("replay", file.toString(), "--to-bookmark", "after");
        assertThat(mid.exitCode()).as(mid.toString()).isZero();
    }
}
