package dev.rewind.mcd.backend;

import static dev.rewind.mcd.backend.Guest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.travel.DebuggerWrite;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingReader;
import dev.rewind.emulator.travel.WriteEvent;
import dev.rewind.mcd.api.*;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debugger writes through MCD in recordings (hello-rv32.elf on 1 and 4 harts): register, CSR and memory txlists, a
 * hart reset and a pc write in the past (a new future that drops a later memory write) are saved with the session;
 * the recording reopened reaches the same state hash at every time, verifies at its end, runs forward from time 0
 * to the same state, and saves again as the same recording.
 */
class RecordedWritesTest {
    @TempDir
    Path dir;

    static void runUntil(McdCore core, long time) throws Exception {
        Guest.untilStopped(core, () -> core.runUntil(true, true, time));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void writesAreRecordedAndReplayedAtTheirTimes(int harts) throws Exception {
        ElfImage img = Guest.image("hello-rv32.elf");
        McdApi api = McdBackend.builder(img).harts(harts).snapshotInterval(2_000).programPath("hello-rv32.elf")
                .build();
        McdCore core = Guest.with(img, api).core(harts - 1);
        TimeTravel tt = core.adapt(TimeTravel.class).orElseThrow();
        core.step(true, StepType.INSTR, 10);
        long t1 = core.qryCurrentTime();
        setReg(core, 5, 0xCAFE);
        setReg(core, RiscvRegisters.CSR_BASE + 0x340, 0x77); // mscratch
        core.step(true, StepType.INSTR, 40);
        long t2 = core.qryCurrentTime();
        setMem32(core, 0x8100_0000L, 0x1234_5678L);
        core.step(true, StepType.INSTR, 40);
        long t3 = core.qryCurrentTime();
        core.rst(Layout.RST_HART, true);
        core.step(true, StepType.INSTR, 100);
        long t4 = core.qryCurrentTime();
        setMem32(core, 0x8100_0004L, 0xBAD);
        long mid = (t3 + t4) / 2;
        tt.goToTime(mid);
        setReg(core, RiscvRegisters.PC, pc(core)); // in the past: the write at t4 is gone
        assertThat(mem32(core, 0x8100_0004L)).isZero();
        long end = mid + 20_000;
        tt.goToTime(end);
        long[] times = {0, t1 - 1, t1, t1 + 1, t2, t3, t3 + 1, mid - 1, mid, t4, end - 1, end};
        long[] hashes = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            tt.goToTime(times[i]);
            hashes[i] = RecordingApiTest.hash(api);
        }
        Path file = dir.resolve("writes.rwd");
        assertThat(tt.saveRecording(file)).isEqualTo(end);
        Recording rec = RecordingReader.read(file);
        assertThat(rec.writes()).extracting(WriteEvent::time).containsExactly(t1, t1, t2, t3, mid);
        assertThat(rec.writes()).extracting(w -> w.write().kind()).containsExactly(DebuggerWrite.Kind.REGISTER,
                DebuggerWrite.Kind.CSR, DebuggerWrite.Kind.MEMORY, DebuggerWrite.Kind.HART_RESET,
                DebuggerWrite.Kind.PC);
        assertThat(rec.writes().get(3).write().hart()).isEqualTo(harts - 1);
        assertThat(rec.endStateHash()).isEqualTo(hashes[times.length - 1]);

        McdApi re = McdBackend.fromRecording(rec, img).snapshotInterval(2_000).build();
        McdCore rcore = Guest.with(img, re).core(0);
        TimeTravel rtt = rcore.adapt(TimeTravel.class).orElseThrow();
        assertThat(rcore.qryCurrentTime()).isZero();
        assertThat(rtt.verifyRecording().reason()).contains("recording verified");
        for (int i = times.length - 1; i >= 0; i--) {
            rtt.goToTime(times[i]);
            assertThat(RecordingApiTest.hash(re)).as("state hash at time %d", times[i]).isEqualTo(hashes[i]);
        }
        // forward from time 0 through every write
        rtt.goToTime(0);
        runUntil(rcore, end);
        assertThat(rcore.qryCurrentTime()).isEqualTo(end);
        assertThat(RecordingApiTest.hash(re)).isEqualTo(rec.endStateHash());
        assertThat(mem32(rcore, 0x8100_0000L)).isEqualTo(0x1234_5678L);
        Path again = dir.resolve("again.rwd");
        rtt.saveRecording(again);
        assertThat(RecordingReader.read(again)).isEqualTo(rec);
    }

    @ParameterizedTest
    @ValueSource(ints = {2})
    void aRecordingWhoseWriteDivergesIsRefusedWhenOpened(int harts) throws Exception {
        ElfImage img = Guest.image("hello-rv32.elf");
        McdApi api = McdBackend.builder(img).harts(harts).build();
        McdCore core = Guest.with(img, api).core(0);
        core.step(true, StepType.INSTR, 10);
        setReg(core, 5, 1);
        Path file = dir.resolve("w.rwd");
        core.adapt(TimeTravel.class).orElseThrow().saveRecording(file);
        Recording rec = RecordingReader.read(file);
        WriteEvent w = rec.writes().get(0);
        Recording forged = new Recording(rec.programPath(), rec.programSha256(), rec.machine(), rec.input(),
                java.util.List.of(new WriteEvent(w.time(), w.write(), w.stateHash() + 1)), rec.bookmarks(),
                rec.endTime(), rec.endStateHash(), rec.endReason());
        McdBackend b = McdBackend.fromRecording(forged, img);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("replay diverged at debugger write #0 at time "
                        + w.time() + " (hart 0 x5 = 0x");
    }
}
