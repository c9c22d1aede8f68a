package dev.rewind.mcd.backend;

import static dev.rewind.mcd.backend.Guest.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.mcd.api.*;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The instruction trace follows time travel (hello-rv32.elf, 1 and 4 harts, short snapshot interval): after a
 * reverse step, a go-to-time or a reverse continue it ends at the current instruction (nothing from later shows as
 * history), replaying forward refills it, and a write in the past replaces the abandoned future's frames.
 */
class TraceAfterTravelTest {

    static final int CAPACITY = 64;

    /** The trace of {@code core}, checked to be contiguous and to end just before the hart's next instruction. */
    static List<TraceFrame> trace(McdCore core, long retired) throws McdException {
        int n = core.readTrace(Layout.TRACE_INSN, 0, 0).count();
        List<TraceFrame> frames = n == 0 ? List.of() : core.readTrace(Layout.TRACE_INSN, 0, n).items();
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).timestamp()).isEqualTo(retired - frames.size() + i);
            assertThat(frames.get(i).marker()).isEqualTo(i == frames.size() - 1 ? TraceMarker.DEBUG.bit()
                    : TraceMarker.NONE.bit());
        }
        return frames;
    }

    static void matches(List<TraceFrame> frames, Map<Long, Long> pcByIndex) {
        for (TraceFrame f : frames) {
            assertThat(f.addr().address()).as("pc of instruction %d", f.timestamp())
                    .isEqualTo(pcByIndex.get(f.timestamp()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void traceEndsAtTheCurrentTimeAfterTravel(int harts) throws Exception {
        ElfImage img = Guest.image("hello-rv32.elf");
        McdApi api = McdBackend.builder(img).harts(harts).traceCapacity(CAPACITY).snapshotInterval(50).build();
        McdCore core = Guest.with(img, api).core(harts - 1);
        TimeTravel tt = core.adapt(TimeTravel.class).orElseThrow();
        int hart = harts - 1;
        RewindMcd mcd = (RewindMcd) api;
        core.setTraceState(Layout.TRACE_INSN, new TraceState(TraceExecState.ARM, TraceMode.FIFO.bit(), false, false,
                0, 0, 0, 0, 0, false, 0, false, ""));
        core.step(false, StepType.INSTR, 40);
        List<TraceFrame> live = trace(core, 40);
        assertThat(live).hasSize(40);
        Map<Long, Long> pcs = new HashMap<>();
        live.forEach(f -> pcs.put(f.timestamp(), f.addr().address()));

        tt.reverseStep(10);
        List<TraceFrame> back = trace(core, 30);
        assertThat(back).hasSize(30);
        matches(back, pcs);
        core.step(false, StepType.INSTR, 10); // replayed: the frames come back
        List<TraceFrame> again = trace(core, 40);
        assertThat(again).hasSize(40);
        matches(again, pcs);

        for (int k = 1; k <= 4; k++) { // live, beyond the capacity
            core.step(false, StepType.INSTR, 40);
            List<TraceFrame> far = trace(core, 40 + 40 * k);
            assertThat(far).hasSize(Math.min(CAPACITY, 40 + 40 * k));
            far.forEach(f -> pcs.putIfAbsent(f.timestamp(), f.addr().address()));
            matches(far, pcs);
        }
        long t200 = core.qryCurrentTime();
        tt.goToTime(t200 / 2);
        long retired = mcd.target().engine.retired(hart);
        assertThat(retired).isLessThan(200);
        // (refilled as far back as the replay that landed here started: possibly nothing of this hart)
        List<TraceFrame> half = trace(core, retired);
        matches(half, pcs);
        assertThat(core.qryTraceState(Layout.TRACE_INSN).frames()).isEqualTo(half.size());
        core.step(false, StepType.INSTR, 5); // replaying forward from here fills it again
        List<TraceFrame> on = trace(core, retired + 5);
        assertThat(on.size()).isGreaterThanOrEqualTo(5);
        matches(on, pcs);

        tt.reverseContinue(); // no triggers: to the start of history, nothing executed before it
        assertThat(core.qryCurrentTime()).isZero();
        assertThat(trace(core, 0)).isEmpty();

        // a new future from instruction 20: its frames replace the abandoned ones
        tt.goToTime(t200);
        tt.reverseStep(180);
        assertThat(mcd.target().engine.retired(hart)).isEqualTo(20);
        setReg(core, RiscvRegisters.PC, img.entry());
        core.step(false, StepType.INSTR, 5);
        List<TraceFrame> fresh = trace(core, 25);
        assertThat(fresh.get(fresh.size() - 5).addr().address()).isEqualTo(img.entry());
        matches(fresh.subList(0, fresh.size() - 5), pcs);
    }
}
