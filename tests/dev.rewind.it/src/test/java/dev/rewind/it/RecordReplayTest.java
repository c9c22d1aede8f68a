package dev.rewind.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.it.RewindProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./rewind record} and {@code ./rewind replay}, each in its own process, on the 4-hart demo. */
class RecordReplayTest {

    private static final Pattern HASH = Pattern.compile("state hash: ([0-9a-f]{16})");
    private static final Pattern TIME = Pattern.compile("(?m)^time: (\\d+)");

    private static String elf(String name) {
        return RewindProcess.ROOT.resolve("tests/guest/elf/" + name).toString();
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as("'%s' in %s", p, text).isTrue();
        return m.group(1);
    }

    private static Result record(Path file, String... extra) throws Exception {
        String[] args = Stream.concat(Stream.of("record", elf("demo-rv32.elf"), "--harts", "4", "-o", file.toString()),
                Stream.of(extra)).toArray(String[]::new);
        return RewindProcess.run(args);
    }

    @Test
    void demoRecordingReplaysToTheSameStateInAFreshProcess(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.rwd");
        Result rec = record(file, "--bookmark", "early=50000");
        assertThat(rec.exitCode()).as(rec.toString()).isZero();
        assertThat(rec.out()).contains("LOST UPDATE", "guest exited with code 3", "recorded");
        String hash = group(HASH, rec.out());
        String end = group(TIME, rec.out());

        Result replay = RewindProcess.run("replay", file.toString());
        assertThat(replay.exitCode()).as(replay.toString()).isZero();
        assertThat(group(HASH, replay.out())).isEqualTo(hash);
        assertThat(group(TIME, replay.out())).isEqualTo(end);
        assertThat(replay.out()).contains("LOST UPDATE", "replay matches the recording");

        Result atMark = RewindProcess.run("replay", file.toString(), "--to-bookmark", "early");
        Result atTime = RewindProcess.run("replay", file.toString(), "--to", "50000");
        assertThat(atMark.exitCode()).as(atMark.toString()).isZero();
        assertThat(group(TIME, atMark.out())).isEqualTo("50000");
        assertThat(group(HASH, atMark.out())).isEqualTo(group(HASH, atTime.out())).isNotEqualTo(hash);
    }

    @Test
    void corruptAndMismatchedRecordingsAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.rwd");
        assertThat(record(file).exitCode()).isZero();
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        Path corrupt = Files.write(dir.resolve("corrupt.rwd"), flipped);
        Result c = RewindProcess.run("replay", corrupt.toString());
        assertThat(c.exitCode()).as(c.toString()).isEqualTo(2);
        assertThat(c.err()).contains("corrupt: checksum mismatch");

        Path cut = Files.write(dir.resolve("cut.rwd"), java.util.Arrays.copyOf(good, good.length - 7));
        Result t = RewindProcess.run("replay", cut.toString());
        assertThat(t.exitCode()).isEqualTo(2);
        assertThat(t.err()).contains("is corrupt");

        Result notRec = RewindProcess.run("replay", elf("demo-rv32.elf"));
        assertThat(notRec.exitCode()).isEqualTo(2);
        assertThat(notRec.err()).contains("not a Rewind recording");

        Result other = RewindProcess.run("replay", file.toString(), "--program", elf("demo-rv64.elf"));
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(2);
        assertThat(other.err()).contains("program mismatch", "demo-rv32.elf");

        Path moved = dir.resolve("demo.elf");
        Files.copy(Path.of(elf("hello-rv32.elf")), moved);
        Path rec2 = dir.resolve("hello.rwd");
        assertThat(RewindProcess.run("record", moved.toString(), "-o", rec2.toString()).exitCode()).isZero();
        Files.copy(Path.of(elf("exit-code-rv32.elf")), moved, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Result changed = RewindProcess.run("replay", rec2.toString());
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).contains("program mismatch");

        Result missing = RewindProcess.run("replay", dir.resolve("absent.rwd").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such recording");
    }

    @Test
    void aFailedSaveLeavesTheOldRecordingIntact(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.rwd");
        assertThat(RewindProcess.run("record", elf("hello-rv32.elf"), "-o", file.toString()).exitCode()).isZero();
        byte[] old = Files.readAllBytes(file);

        Result failed = RewindProcess.run(Map.of("REWIND_JAVA_OPTS", "-Drewind.recording.failAfterBytes=40"),
                "record", elf("demo-rv32.elf"), "--harts", "4", "-o", file.toString());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("simulated failure", "unchanged");
        assertThat(Files.readAllBytes(file)).as("the old recording").isEqualTo(old);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsOnly("run.rwd");
        }
        Result replay = RewindProcess.run("replay", file.toString());
        assertThat(replay.exitCode()).as(replay.toString()).isZero();
        assertThat(replay.out()).contains("replay matches the recording");

        Result replaced = record(file);
        assertThat(replaced.exitCode()).isZero();
        assertThat(Files.readAllBytes(file)).isNotEqualTo(old);
    }

    @Test
    void badOptionsGetUsageAndExitCodeTwo(@TempDir Path dir) throws Exception {
        Result noOut = RewindProcess.run("record", elf("hello-rv32.elf"));
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("Missing required option", "Usage: rewind record");
        Result badMark = RewindProcess.run("record", elf("hello-rv32.elf"), "-o", dir.resolve("x.rwd").toString(),
                "--bookmark", "nonsense");
        assertThat(badMark.exitCode()).isEqualTo(2);
        assertThat(badMark.err()).contains("NAME=TIME");
    }
}
