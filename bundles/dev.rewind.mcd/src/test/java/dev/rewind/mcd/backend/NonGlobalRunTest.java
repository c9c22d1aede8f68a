package dev.rewind.mcd.backend;

import static dev.rewind.mcd.backend.Guest.pc;
import static dev.rewind.mcd.backend.Guest.reg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.travel.DebuggerWrite;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingReader;
import dev.rewind.emulator.travel.WriteEvent;
import dev.rewind.mcd.api.CoreExecState;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.StepType;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * mcd_run_f, mcd_run_until_f and mcd_step_f with {@code global == false} run the core's hart alone (mcd_api.h:
 * global runs all cores): the other harts keep every register and their pc, while the core's hart moves and time
 * goes on. TimeTravel.hold holds harts in global runs. The held harts are an input of history: going back and
 * stepping again replays the same steps, and a saved recording replays them (format version 3).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NonGlobalRunTest {

    @TempDir
    Path dir;

    /** x1..x31 and the pc of a hart. */
    static List<Long> state(McdCore c) throws McdException {
        List<Long> s = new ArrayList<>();
        for (int r = 1; r < 32; r++) {
            s.add(reg(c, r));
        }
        s.add(pc(c));
        return s;
    }

    @Test
    void nonGlobalRunsAndStepsMoveOnlyTheirCore() throws Exception {
        ElfImage img = Guest.image("bench-mt-rv32.elf");
        McdApi api = McdBackend.builder(img).harts(4).snapshotInterval(5_000).programPath("bench-mt-rv32.elf").build();
        Guest g = Guest.with(img, api);
        List<McdCore> cores = RunControlTest.all(g, 4);
        McdCore c2 = cores.get(2);
        TimeTravel tt = c2.adapt(TimeTravel.class).orElseThrow();
        cores.get(0).step(true, StepType.INSTR, 100_000); // every hart past start-up, computing
        List<List<Long>> before = new ArrayList<>();
        for (McdCore c : cores) {
            before.add(state(c));
        }
        long t0 = c2.qryCurrentTime();

        c2.step(false, StepType.INSTR, 500);
        long t1 = c2.qryCurrentTime();
        assertThat(t1).as("only hart 2 used the slots").isEqualTo(t0 + 500);
        assertThat(state(c2)).isNotEqualTo(before.get(2));
        for (int h : new int[] {0, 1, 3}) {
            assertThat(state(cores.get(h))).as("hart %d", h).isEqualTo(before.get(h));
        }
        assertThat(tt.held()).isEqualTo(0b1011);
        List<Long> after = state(c2);

        Guest.untilStopped(c2, () -> c2.runUntil(false, false, 2_000));
        assertThat(c2.qryCurrentTime()).isEqualTo(t1 + 2_000);
        for (int h : new int[] {0, 1, 3}) {
            assertThat(state(cores.get(h))).as("hart %d after run-until", h).isEqualTo(before.get(h));
        }

        // a free non-global run: the held cores report DEBUG while hart 2 runs
        c2.run(false);
        assertThat(c2.qryState().state()).isEqualTo(CoreExecState.RUNNING);
        assertThat(cores.get(0).qryState().state()).isEqualTo(CoreExecState.DEBUG);
        c2.stop(false);
        for (int h : new int[] {0, 1, 3}) {
            assertThat(state(cores.get(h))).as("hart %d after run", h).isEqualTo(before.get(h));
        }
        long t2 = c2.qryCurrentTime();

        // back in history and the same non-global step again: history replays, the same landing
        tt.goToTime(t0);
        assertThat(tt.held()).as("history's held harts at %d", t0).isEqualTo(0b1011);
        c2.step(false, StepType.INSTR, 500);
        assertThat(state(c2)).isEqualTo(after);
        assertThat(tt.history().newestTime()).as("no new future").isEqualTo(t2);

        // held in global runs: hart 1 stays, stepping it globally is refused (set as an execute-command string)
        assertThat(c2.executeCommand("hold 1")).isEqualTo("hold=1 held=0,1,3");
        assertThat(tt.holdMask()).isEqualTo(0b0010);
        List<Long> hart1 = state(cores.get(1));
        tt.goToTime(t2);
        cores.get(0).step(true, StepType.INSTR, 300);
        assertThat(state(cores.get(1))).isEqualTo(hart1);
        assertThatThrownBy(() -> cores.get(1).step(true, StepType.INSTR, 1)).isInstanceOfSatisfying(
                McdException.class, e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.USAGE));
        assertThatThrownBy(() -> tt.hold(0b10000)).isInstanceOf(McdException.class);
        long t3 = c2.qryCurrentTime();
        assertThat(c2.executeCommand("hold none")).isEqualTo("hold=none held=1");
        cores.get(0).step(true, StepType.INSTR, 100);
        assertThat(tt.held()).isZero();
        long end = c2.qryCurrentTime();
        long hash = RecordingApiTest.hash(api);

        Path file = dir.resolve("held.rwd");
        tt.saveRecording(file);
        Recording rec = RecordingReader.read(file);
        assertThat(rec.writes()).extracting(WriteEvent::write).containsExactly(DebuggerWrite.hold(0b1011),
                DebuggerWrite.hold(0b0010), DebuggerWrite.hold(0));
        assertThat(rec.writes()).extracting(WriteEvent::time).containsExactly(t0, t2, t3);
        McdApi re = McdBackend.fromRecording(rec, img).snapshotInterval(5_000).build();
        McdCore r0 = Guest.with(img, re).core(0);
        TimeTravel rtt = r0.adapt(TimeTravel.class).orElseThrow();
        assertThat(rtt.verifyRecording().reason()).contains("recording verified");
        rtt.goToTime(end);
        assertThat(RecordingApiTest.hash(re)).isEqualTo(hash);
    }
}
