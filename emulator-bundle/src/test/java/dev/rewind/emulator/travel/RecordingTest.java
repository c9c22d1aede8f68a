package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording files: round trip, every corruption refused, atomic save, replay in a fresh JVM. */
class RecordingTest {

    static final Path ELFS = Path.of("../tests/guest/elf");

    static Recording sample() {
        return new Recording("/x/prog.elf", new byte[32], new MachineConfig(64, 4, 1 << 20, 7),
                List.of(new InputLog.Entry(0, 'h'), new InputLog.Entry(900, 0xFF)),
                List.of(new Bookmark("a", "first", 10), new Bookmark("b", "zweite ✓", 20)), 1234, 0xDEADBEEFL,
                "EXITED");
    }

    @Test
    void roundTripAndEveryFlippedByteOrTruncationIsRefused() throws Exception {
        byte[] bytes = RecordingWriter.encode(sample());
        assertThat(RecordingReader.decode("s", bytes)).isEqualTo(sample());
        for (int i = 0; i < bytes.length; i++) {
            byte[] bad = bytes.clone();
            bad[i] ^= 0x01;
            assertThatThrownBy(() -> RecordingReader.decode("s", bad)).isInstanceOf(RecordingException.class)
                    .hasMessageMatching("s (is not a Rewind recording|is corrupt|has recording format version).*");
        }
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> RecordingReader.decode("s", cut)).isInstanceOf(RecordingException.class);
        }
        sample().checkProgram(new byte[32]);
    }

    @Test
    void aFailureMidSaveLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.rwd");
        RecordingWriter.write(file, sample());
        byte[] old = Files.readAllBytes(file);
        Recording other = new Recording("/y.elf", new byte[32], MachineConfig.defaults(32), List.of(), List.of(), 5,
                6, "LIMIT_REACHED");
        for (int after : new int[] {0, 1, 17, RecordingWriter.encode(other).length - 1}) {
            assertThatThrownBy(() -> RecordingWriter.write(file, other, out -> new FilterOutputStream(out) {
                int left = after;

                @Override
                public void write(int b) throws IOException {
                    if (left-- <= 0) {
                        throw new IOException("disk full");
                    }
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    for (int i = 0; i < len; i++) {
                        write(b[off + i]);
                    }
                }
            })).hasMessage("disk full");
            assertThat(Files.readAllBytes(file)).isEqualTo(old);
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s).containsExactly(file);
            }
        }
        RecordingWriter.write(file, other);
        assertThat(RecordingReader.read(file)).isEqualTo(other);
    }

    @Test
    void aProgramMismatchIsNamed() {
        byte[] sha = new byte[32];
        sha[0] = 1;
        assertThatThrownBy(() -> sample().checkProgram(sha)).isInstanceOf(RecordingException.class)
                .hasMessageContaining("program mismatch").hasMessageContaining("/x/prog.elf")
                .hasMessageContaining("0100000000");
    }

    @Test
    void aRecordingReplaysToTheSameStateHashInAFreshJvm(@TempDir Path dir) throws Exception {
        Path elf = ELFS.resolve("demo-rv32.elf").toAbsolutePath();
        ElfImage img = ElfLoader.parse(Files.readAllBytes(elf));
        MachineConfig cfg = MachineConfig.defaults(32).withHarts(4).withQuantum(333);
        InputLog input = new InputLog();
        input.append(0, "ignored input".getBytes(StandardCharsets.UTF_8));
        TimeMachine tm = TimeMachine.create(cfg, img, ConsoleSink.discard(), input, TravelConfig.defaults());
        tm.run(300_000);
        long midHash = tm.machine().stateHash();
        tm.addBookmark("mid", "300k");
        TravelResult end = tm.run(Long.MAX_VALUE);
        assertThat(end.kind()).isEqualTo(TravelResult.Kind.EXITED);
        Recording rec = new Recording(elf.toString(), img.sha256(), cfg, input.entries(), tm.bookmarks(), tm.time(),
                tm.machine().stateHash(), end.kind().name());
        Path file = dir.resolve("demo.rwd");
        RecordingWriter.write(file, rec);

        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ReplayMain.class.getName(), file.toString(), "mid").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains(String.format("mid %d %016x", 300_000, midHash))
                .contains(String.format("end %d %016x", rec.endTime(), rec.endStateHash()));
    }
}
