package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debugger writes in recordings (tests/guest/src/demo.c, 4 harts): a session writes memory, registers, a CSR and a
 * pc at several times, one of them in the past (a new future that drops a later write), and once at a time it
 * reached by a reverse search in the state before that time's write (the new write replaces it). Saved and
 * replayed in a fresh JVM, on a plain machine and as a time machine, it reaches the same state hashes.
 */
class WriteRecordingTest {

    static final Path ELF = Path.of("../tests/guest/elf/demo-rv32.elf").toAbsolutePath();

    static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    static long read32(TimeMachine tm, long addr) {
        byte[] b = new byte[4];
        tm.machine().readMemory(addr, b, 0, 4);
        return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    }

    @Test
    void aSessionWithWritesReplaysToTheSameHashesInAFreshJvm(@TempDir Path dir) throws Exception {
        ElfImage img = ElfLoader.parse(Files.readAllBytes(ELF));
        long counter = img.symbol("items_produced").orElseThrow().value();
        long hist = img.symbol("priority_hist").orElseThrow().value();
        MachineConfig cfg = MachineConfig.defaults(32).withHarts(4).withQuantum(333);
        InputLog input = new InputLog();
        TimeMachine tm = TimeMachine.create(cfg, img, ConsoleSink.discard(), input,
                TravelConfig.defaults().withInterval(50_000));

        tm.goToTime(50_000);
        tm.writeMemory(hist, le32(7), 0, 4);
        tm.writeCsr(1, 0x340, 0x1234); // mscratch
        tm.goToTime(100_000);
        tm.writeCsr(2, 0x340, 0xABCD); // mscratch
        tm.goToTime(150_000);
        tm.writeMemory(hist + 4, le32(0x4444), 0, 4);
        // back in the past: a new future, the write at 150,000 is gone
        tm.goToTime(120_000);
        assertThat(tm.setPc(3, tm.machine().hart(3).pc()).discarded()).isTrue();
        tm.writeMemory(hist + 8, le32(9), 0, 4);
        assertThat(tm.writes().events()).extracting(WriteEvent::time)
                .containsExactly(50_000L, 50_000L, 100_000L, 120_000L, 120_000L);
        assertThat(read32(tm, hist + 4)).isNotEqualTo(0x4444);

        // a write at B (just after a store to the counter); a reverse search lands at B before that write
        tm.goToTime(200_000);
        TravelResult store = tm.reverseToLastWrite(counter, 4);
        assertThat(store.kind()).isEqualTo(TravelResult.Kind.WATCHPOINT);
        long b = tm.time();
        tm.writeMemory(hist + 12, le32(0xDEAD0000L), 0, 4);
        tm.goToTime(b + 1);
        tm.reverseToLastWrite(counter, 4);
        assertThat(tm.time()).isEqualTo(b);
        assertThat(b).isGreaterThan(120_000);
        assertThat(read32(tm, hist + 12)).as("landed before the write at B").isNotEqualTo(0xDEAD0000L);
        tm.writeMemory(hist + 16, le32(2), 0, 4);
        // (a register write late: the guest may not survive it)
        tm.goToTime(250_000);
        tm.setRegister(1, 31, 0x1234);
        List<WriteEvent> writes = tm.writes().events();
        assertThat(writes).extracting(w -> w.time() + " " + w.write().kind()).containsExactly(
                "50000 MEMORY", "50000 CSR", "100000 CSR", "120000 PC", "120000 MEMORY", b + " MEMORY",
                "250000 REGISTER");
        assertThat(writes.get(5).write().target()).isEqualTo(hist + 16);
        assertThat(tm.writes().firstUnrecordable()).isEmpty();

        tm.goToTime(300_000);
        tm.addBookmark("late", "after every write");
        long end = tm.newestTime();
        long[] times = {0, 49_999, 50_000, 50_001, 99_999, 100_000, 119_999, 120_000, 120_001, 150_000, b - 1, b,
            b + 1, 249_999, 250_000, 280_000, end};
        Map<Long, Long> expected = new LinkedHashMap<>();
        for (long t : times) {
            tm.goToTime(t);
            expected.put(t, tm.machine().stateHash());
        }
        Recording rec = new Recording(ELF.toString(), img.sha256(), cfg, input.entries(), writes, tm.bookmarks(), end,
                expected.get(end), "TEST");
        Path file = dir.resolve("writes.rwd");
        RecordingWriter.write(file, rec);
        assertThat(RecordingReader.read(file)).isEqualTo(rec);

        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), WriteReplayMain.class.getName(), file.toString()));
        for (long t : times) {
            cmd.add(Long.toString(t));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        for (Map.Entry<Long, Long> e : expected.entrySet()) {
            assertThat(out).contains(String.format("plain %d %016x", e.getKey(), e.getValue()))
                    .contains(String.format("travel %d %016x", e.getKey(), e.getValue()));
        }
        assertThat(out).contains(String.format("end %d %016x", end, expected.get(end)));
    }
}
