package dev.rewind.mcd.backend;

import static dev.rewind.mcd.backend.Guest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.mcd.api.*;
import dev.rewind.mcd.timetravel.TimeTravel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The time-travel extension and the execute_command strings on 1 and 4 harts (hello-rv32.elf),
 * over the engine's TimeMachine: reverse step, reverse continue (MCD trigger rules), reverse to
 * the last write, go to time, bookmarks, and a debugger write in the past starting a new future.
 */
class TimeTravelApiTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void reverseContinueStopsOnlyWhereForwardExecutionStopped(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        int k = harts - 1;
        McdCore core = g.core(k);
        TimeTravel tt = core.adapt(TimeTravel.class).orElseThrow();
        assertThat(tt.available()).isTrue();
        // every hart spins reading ticket; the watchpoint is core k's: harts 0..k-1 pass it
        long ticket = g.sym("ticket");
        CreatedTrigger t = core.createTrig(TrigSimpleCore.watchpoint(TrigType.READ, 1, ticket, 4));
        runToStop(core);
        long first = core.qryCurrentTime();
        runToStop(core);
        long second = core.qryCurrentTime();
        assertThat(second).isGreaterThan(first);
        TimeTravel.StopInfo back = tt.reverseContinue();
        assertThat(back.time()).isEqualTo(first);
        assertThat(back.hart()).isEqualTo(k);
        assertThat(back.trigId()).isEqualTo(t.trigId());
        assertThat(core.qryCurrentTime()).isEqualTo(first);
        assertThat(st0(core)).contains("read of 4 bytes at 0x" + Long.toHexString(ticket));
        CoreState st = core.qryState();
        assertThat(st.state()).isEqualTo(CoreExecState.DEBUG);
        assertThat(st.trigId()).isEqualTo(t.trigId());
        // nothing earlier of core k: back to the start of history, past the other harts' rt_putc calls
        TimeTravel.StopInfo start = tt.reverseContinue();
        assertThat(start.time()).isEqualTo(tt.earliestTime()).isZero();
        assertThat(start.trigId()).isZero();
        // forward again: the same first stop, deterministically
        runToStop(core);
        assertThat(core.qryCurrentTime()).isEqualTo(first);
        runToStop(core);
        assertThat(core.qryCurrentTime()).isEqualTo(second);
    }

    static String st0(McdCore core) throws McdException {
        return core.qryState().stopStr();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void whoWroteThisAfterTheProgramExited(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        McdCore core = g.core(0);
        TimeTravel tt = core.adapt(TimeTravel.class).orElseThrow();
        runToStop(core);
        assertThat(core.qryState().state()).isEqualTo(CoreExecState.HALTED);
        long ticket = g.sym("ticket");
        TimeTravel.StopInfo w = tt.reverseToLastWrite(ticket, 4);
        assertThat(w.hart()).isEqualTo(harts - 1);
        assertThat(w.reason()).contains("hart " + (harts - 1) + " wrote 4 bytes at 0x" + Long.toHexString(ticket));
        assertThat(mem32(core, ticket)).isEqualTo(harts);
        assertThat(core.qryState().state()).isEqualTo(CoreExecState.DEBUG);
        String again = core.executeCommand("reverse-to-write 0x" + Long.toHexString(ticket) + " 4");
        if (harts == 1) { // before hart 0's increment: the .bss clear
            assertThat(again).contains("hart=0");
            assertThat(mem32(core, ticket)).isZero();
        } else {
            assertThat(again).contains("hart=" + (harts - 2));
            assertThat(mem32(core, ticket)).isEqualTo(harts - 1);
        }
        assertThatThrownBy(() -> tt.reverseToLastWrite(ticket, 0)).isInstanceOf(McdException.class);
        // and forward to the end again
        runToStop(core);
        assertThat(core.qryState().state()).isEqualTo(CoreExecState.HALTED);
        assertThat(mem32(core, ticket)).isEqualTo(harts);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void reverseStepGoToTimeBookmarksAndCommands(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        McdCore core = g.core(harts - 1);
        TimeTravel tt = core.adapt(TimeTravel.class).orElseThrow();
        core.step(false, StepType.INSTR, 20);
        long t20 = core.qryCurrentTime();
        long pc20 = pc(core);
        assertThat(tt.addBookmark("twenty").time()).isEqualTo(t20);
        core.step(false, StepType.INSTR, 5);
        TimeTravel.StopInfo s = tt.reverseStep(5);
        assertThat(s.time()).isEqualTo(t20);
        assertThat(pc(core)).isEqualTo(pc20);
        tt.goToTime(50_000);
        assertThat(core.qryCurrentTime()).isEqualTo(50_000);
        assertThat(core.executeCommand("bookmark-add fifty")).isEqualTo("bookmark=fifty time=50000");
        assertThat(core.executeCommand("bookmark-list")).isEqualTo("twenty=" + t20 + " fifty=50000");
        assertThat(tt.goToBookmark("twenty").time()).isEqualTo(t20);
        assertThat(pc(core)).isEqualTo(pc20);
        assertThat(core.executeCommand("goto-time 40000")).startsWith("time=40000 ");
        assertThat(core.executeCommand("time")).isEqualTo("time=40000");
        assertThat(core.executeCommand("bookmark-goto fifty")).startsWith("time=50000 ");
        assertThat(core.executeCommand("reverse-step 3")).contains("hart=" + (harts - 1));
        assertThat(core.executeCommand("reverse-continue")).startsWith("time=0 ");
        assertThat(core.executeCommand("help")).contains("reverse-to-write");
        assertThat(core.executeCommand("bookmark-delete fifty")).isEqualTo("deleted=fifty");
        assertThat(tt.bookmarks()).extracting(TimeTravel.Bookmark::name).containsExactly("twenty");
        assertThatThrownBy(() -> tt.goToBookmark("fifty")).isInstanceOf(McdException.class);
        assertThatThrownBy(() -> core.executeCommand("goto-time soon")).isInstanceOfSatisfying(McdException.class,
                e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.PARAM));
        assertThatThrownBy(() -> core.executeCommand("warp 9")).isInstanceOf(McdException.class);
        assertThatThrownBy(() -> tt.addBookmark("two words")).isInstanceOf(McdException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aWriteInThePastStartsANewFuture(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        McdCore core = g.core(0);
        TimeTravel tt = core.adapt(TimeTravel.class).orElseThrow();
        runToStop(core);
        long end = core.qryCurrentTime();
        String out = console(core);
        tt.addBookmark("end");
        tt.goToTime(100);
        setMem32(core, 0x8100_0000L, 0x1234_5678L); // a debugger write in the past
        assertThat(tt.bookmarks()).isEmpty(); // "end" was in the discarded future
        runToStop(core); // the new future: the same program (the word is unused), replayed live
        assertThat(core.qryState().state()).isEqualTo(CoreExecState.HALTED);
        assertThat(core.qryCurrentTime()).isEqualTo(end);
        assertThat(mem32(core, 0x8100_0000L)).isEqualTo(0x1234_5678L);
        assertThat(console(core)).isEqualTo(out);
    }
}
