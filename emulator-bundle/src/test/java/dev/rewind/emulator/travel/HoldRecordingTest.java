package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Held harts in recordings and at the scheduler's edges (tests/guest/src/demo.c, 4 harts): changes of the held set,
 * one made in the past (a new future), are saved in format version 3 and replay to the same state hashes, on a
 * plain machine and as a time machine; a recording without one stays version 2. Devices keep virtual time while
 * harts are held (CLINT timer interrupts wake a hart in wfi). Holding every hart, stepping a held one, or waiting
 * for an interrupt no device will send, stops at once with a clear message.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HoldRecordingTest {

    static final Path ELF = WriteRecordingTest.ELF;

    @Test
    void heldHartsReplayBitIdenticallyFromARecording() throws Exception {
        ElfImage img = ElfLoader.parse(Files.readAllBytes(ELF));
        MachineConfig cfg = MachineConfig.defaults(32).withHarts(4).withQuantum(333);
        InputLog input = new InputLog();
        TimeMachine tm = TimeMachine.create(cfg, img, ConsoleSink.discard(), input,
                TravelConfig.defaults().withInterval(20_000));
        tm.goToTime(20_000);
        tm.hold(0b1101); // only hart 1 runs
        long[] before = {tm.retired(0), tm.retired(2), tm.retired(3)};
        long hart1 = tm.retired(1);
        tm.goToTime(40_000);
        assertThat(new long[] {tm.retired(0), tm.retired(2), tm.retired(3)}).isEqualTo(before);
        assertThat(tm.retired(1)).isGreaterThan(hart1);
        tm.hold(0);
        tm.goToTime(60_000);
        tm.hold(0b0111);
        tm.goToTime(70_000);
        tm.goToTime(65_000);
        assertThat(tm.held()).isEqualTo(0b0111);
        assertThat(tm.hold(0b0011).discarded()).as("a change in the past").isTrue();
        tm.goToTime(90_000);
        List<WriteEvent> writes = tm.writes().events();
        assertThat(writes).extracting(w -> w.time() + " " + w.write()).containsExactly("20000 harts held [0, 2, 3]",
                "40000 no hart held", "60000 harts held [0, 1, 2]", "65000 harts held [0, 1]");

        long end = tm.newestTime();
        long[] times = {0, 19_999, 20_000, 30_000, 40_000, 50_000, 60_000, 64_999, 65_000, 80_000, end};
        Map<Long, Long> expected = new LinkedHashMap<>();
        for (long t : times) {
            tm.goToTime(t);
            expected.put(t, tm.machine().stateHash());
        }
        Recording rec = new Recording(ELF.toString(), img.sha256(), cfg, input.entries(), writes, tm.bookmarks(), end,
                expected.get(end), "TEST");
        byte[] bytes = RecordingWriter.encode(rec);
        assertThat(ByteBuffer.wrap(bytes, 8, 4).getInt()).as("format version").isEqualTo(3);
        Recording back = RecordingReader.decode("held.rwd", bytes);
        assertThat(back).isEqualTo(rec);

        RecordingPlayer plain = RecordingPlayer.on(back, img, ConsoleSink.discard());
        for (Map.Entry<Long, Long> e : expected.entrySet()) {
            plain.runTo(e.getKey());
            assertThat(plain.machine().stateHash()).as("plain replay at %d", e.getKey()).isEqualTo(e.getValue());
        }
        TimeMachine again = RecordingPlayer.open(back, img, ConsoleSink.discard(), TravelConfig.defaults());
        for (long t : new long[] {end, 30_000, 65_000, 0, 50_000}) {
            again.goToTime(t);
            assertThat(again.machine().stateHash()).as("time machine at %d", t).isEqualTo(expected.get(t));
        }

        Recording none = new Recording(ELF.toString(), img.sha256(), cfg, List.of(), List.of(), List.of(), 0,
                expected.get(0L), "TEST");
        assertThat(ByteBuffer.wrap(RecordingWriter.encode(none), 8, 4).getInt()).isEqualTo(2);
    }

    @Test
    void devicesKeepVirtualTimeWhileHartsAreHeld() throws Exception {
        // tests/guest/src/timer.c: hart 0 sleeps in wfi between CLINT timer interrupts; hart 1 is held throughout
        ElfImage img = ElfLoader.parse(Files.readAllBytes(ELF.resolveSibling("timer-rv32.elf")));
        StringBuilder out = new StringBuilder();
        Machine m = new Machine(MachineConfig.defaults(32).withHarts(2), b -> out.append((char) b),
                dev.rewind.emulator.device.InputSource.none());
        m.load(img);
        m.setHeld(0b10);
        RunResult r = m.run(10_000_000);
        assertThat(r.reason()).as(r.message()).isEqualTo(StopReason.EXITED);
        assertThat(r.exitCode()).as(out.toString()).isZero();
        assertThat(out.toString()).contains("timer: 5 interrupts ok");
        assertThat(m.retired(1)).as("the held hart").isZero();
        // hart 0 held: hart 1 waits for an interrupt no device will send it; a clear stop, not a hang
        Machine n = new Machine(MachineConfig.defaults(32).withHarts(2), b -> { },
                dev.rewind.emulator.device.InputSource.none());
        n.load(img);
        n.run(5_000);
        n.setHeld(0b01);
        RunResult d = n.run(100_000_000);
        assertThat(d.reason()).isEqualTo(StopReason.DEADLOCK);
        assertThat(d.message()).contains("every hart that is not held waits for an interrupt");
    }

    @Test
    void nothingRunnableStopsAtOnceWithAClearMessage() throws Exception {
        ElfImage img = ElfLoader.parse(Files.readAllBytes(ELF));
        Machine m = new Machine(MachineConfig.defaults(32).withHarts(4), ConsoleSink.discard(),
                dev.rewind.emulator.device.InputSource.none());
        m.load(img);
        m.run(1000);
        m.setHeld(0b1111);
        long t = m.time();
        RunResult r = m.run(1000);
        assertThat(r.reason()).isEqualTo(StopReason.DEADLOCK);
        assertThat(r.message()).contains("every hart is held");
        assertThat(m.time()).isEqualTo(t);
        m.setHeld(0b0100);
        RunResult s = m.stepHart(2);
        assertThat(s.reason()).isEqualTo(StopReason.DEADLOCK);
        assertThat(s.message()).contains("hart 2 is held");
        long r2 = m.retired(2);
        assertThat(m.stepHart(1).reason()).isEqualTo(StopReason.STEP_DONE);
        assertThat(m.retired(2)).isEqualTo(r2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.setHeld(0b10000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4-hart");
    }
}
