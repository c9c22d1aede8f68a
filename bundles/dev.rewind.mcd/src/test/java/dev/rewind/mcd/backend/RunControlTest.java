package dev.rewind.mcd.backend;

import static dev.rewind.mcd.backend.Guest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.mcd.api.*;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Run control through the Java API on 1 and 4 harts: run, stop, run_until, qry_current_time,
 * step (instructions and cycles), set_global, qry_state of every core after a stop, and triggers
 * that fire only for their own core's hart.
 */
class RunControlTest {

    static List<McdCore> all(Guest g, int harts) throws McdException {
        List<McdCore> cores = new ArrayList<>();
        for (int h = 0; h < harts; h++) {
            cores.add(g.core(h));
        }
        return cores;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void runStopAndEveryCoreReportsTheSameState(int harts) throws Exception {
        Guest g = Guest.of("bench-rv32.elf", harts);
        List<McdCore> cores = all(g, harts);
        McdCore last = cores.get(harts - 1);
        last.run(true);
        for (McdCore c : cores) {
            assertThat(c.qryState().state()).isEqualTo(CoreExecState.RUNNING);
        }
        assertThatThrownBy(() -> last.step(false, StepType.INSTR, 1)).isInstanceOfSatisfying(McdException.class,
                e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.USAGE));
        while (last.qryCurrentTime() == 0) { // the machine makes progress while it runs
            Thread.onSpinWait();
        }
        last.stop(true);
        long t = last.qryCurrentTime();
        for (McdCore c : cores) {
            CoreState st = c.qryState();
            assertThat(st.state()).isEqualTo(CoreExecState.DEBUG);
            assertThat(st.event() & CoreEvent.STOPPED.bit()).isNotZero();
            assertThat(st.hwThreadId()).isEqualTo(harts - 1);
            assertThat(st.stopStr()).isEqualTo("stopped by debugger");
            assertThat(c.qryCurrentTime()).isEqualTo(t);
        }
        // the events were consumed by reading them
        assertThat(cores.get(0).qryState().event()).isZero();
        cores.get(0).run(false); // non-global: hart 0 alone (in this program the others park in wfi)
        while (last.qryCurrentTime() == t) {
            Thread.onSpinWait();
        }
        cores.get(0).stop(false);
        assertThat(cores.get(0).qryState().hwThreadId()).isZero();
        assertThat(last.qryCurrentTime()).isGreaterThan(t);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void runUntilAbsoluteAndRelativeVirtualTime(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        McdCore core = g.core(harts - 1);
        assertThat(core.qryCurrentTime()).isZero();
        awaitStop(core, () -> core.runUntil(true, true, 5000));
        assertThat(core.qryCurrentTime()).isEqualTo(5000);
        assertThat(core.qryState().stopStr()).isEqualTo("reached time 5000");
        awaitStop(core, () -> core.runUntil(false, false, 1234));
        assertThat(core.qryCurrentTime()).isEqualTo(6234);
        assertThat(core.qryState().state()).isEqualTo(CoreExecState.DEBUG);
        // a run-until time in the past stops at once
        awaitStop(core, () -> core.runUntil(true, true, 10));
        assertThat(core.qryCurrentTime()).isEqualTo(6234);
    }

    interface Action {
        void run() throws Exception;
    }

    static void awaitStop(McdCore core, Action a) throws Exception {
        java.util.concurrent.CountDownLatch l = new java.util.concurrent.CountDownLatch(1);
        McdEventListener listener = (c, ev, st) -> {
            if ((ev & CoreEvent.STOPPED.bit()) != 0) {
                l.countDown();
            }
        };
        core.addEventListener(listener);
        try {
            a.run();
            assertThat(l.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            core.removeEventListener(listener);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void stepInstructionsAndCycles(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        McdCore core = g.core(harts - 1);
        int minstret = RiscvRegisters.CSR_BASE + 0xB02;
        core.step(false, StepType.INSTR, 5);
        assertThat(reg(core, minstret)).isEqualTo(5);
        assertThat(core.qryState().stopStr()).isEqualTo("step done");
        long t = core.qryCurrentTime();
        core.step(true, StepType.CYCLES, 100);
        assertThat(core.qryCurrentTime()).isEqualTo(t + 100);
        assertThatThrownBy(() -> core.step(false, StepType.of(7), 1)).isInstanceOf(McdException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aTriggerFiresOnlyForItsCoresHartAndEveryCoreReportsTheStop(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        List<McdCore> cores = all(g, harts);
        int k = harts - 1;
        // every hart calls rt_printf; the trigger belongs to core k
        CreatedTrigger t = cores.get(k).createTrig(TrigSimpleCore.breakpoint(Layout.MEM_PHYSICAL,
                g.sym("rt_printf")));
        runToStop(cores.get(0));
        for (int h = 0; h < harts; h++) {
            CoreState st = cores.get(h).qryState();
            assertThat(st.state()).isEqualTo(CoreExecState.DEBUG);
            assertThat(st.hwThreadId()).isEqualTo(k);
            assertThat(st.trigId()).isEqualTo(h == k ? t.trigId() : 0);
            assertThat(st.stopStr()).contains("hart " + k + ": breakpoint at 0x" + Long.toHexString(g.sym("rt_printf")));
        }
        assertThat(pc(cores.get(k))).isEqualTo(g.sym("rt_printf"));
        // harts 0..k-1 passed the same address without a stop: they printed already
        String out = console(cores.get(0));
        for (int h = 0; h < k; h++) {
            assertThat(out).contains("hello from hart " + h);
        }
        assertThat(out).doesNotContain("hello from hart " + k);
        assertThat(cores.get(k).qryTrigState(t.trigId()).captured()).isTrue();
        // another core cannot see or remove the trigger
        if (harts > 1) {
            assertThatThrownBy(() -> cores.get(0).qryTrig(t.trigId())).isInstanceOfSatisfying(McdException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.TRIG_ACCESS));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aStepPassesOverAnotherCoresBreakpoint(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        McdCore c0 = g.core(0);
        McdCore owner = g.core(harts - 1);
        CreatedTrigger atMain = c0.createTrig(TrigSimpleCore.breakpoint(1, g.sym("main")));
        runToStop(c0);
        c0.removeTrig(atMain.trigId());
        c0.step(false, StepType.INSTR, 1);
        long next = pc(c0);
        c0.step(false, StepType.INSTR, 2);
        long third = pc(c0);
        TimeTravel tt = c0.adapt(TimeTravel.class).orElseThrow();
        tt.reverseStep(3);
        assertThat(pc(c0)).isEqualTo(g.sym("main"));
        CreatedTrigger t = owner.createTrig(TrigSimpleCore.breakpoint(1, next));
        c0.step(false, StepType.INSTR, 3);
        if (harts == 1) { // the trigger is hart 0's own: the step stops there
            assertThat(pc(c0)).isEqualTo(next);
            assertThat(c0.qryState().trigId()).isEqualTo(t.trigId());
        } else { // hart 0 passes core 3's breakpoint and retires all 3 instructions
            assertThat(pc(c0)).isEqualTo(third);
            assertThat(c0.qryState().stopStr()).isEqualTo("step done");
            assertThat(owner.qryTrigState(t.trigId()).captured()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void setGlobalDecidesWhoIsToldAboutAStop(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        List<McdCore> cores = all(g, harts);
        McdCore c0 = cores.get(0);
        McdCore other = cores.get(harts - 1);
        other.setGlobal(false);
        assertThat(other.qryState().infoStr()).contains("not in global activities");
        for (McdCore c : cores) {
            c.qryState(); // consume
        }
        c0.step(true, StepType.INSTR, 1);
        assertThat(c0.qryState().event() & CoreEvent.STOPPED.bit()).isNotZero();
        if (harts > 1) { // the core out of global activities is not told, the others are
            assertThat(other.qryState().event() & CoreEvent.STOPPED.bit()).isZero();
            assertThat(other.qryState().state()).isEqualTo(CoreExecState.DEBUG);
        }
        for (int h = 1; h < harts - 1; h++) {
            assertThat(cores.get(h).qryState().event() & CoreEvent.STOPPED.bit()).isNotZero();
        }
        // a non-global step tells only the stepping core; the state is DEBUG everywhere
        other.setGlobal(true);
        c0.step(false, StepType.INSTR, 1);
        for (int h = 1; h < harts; h++) {
            CoreState st = cores.get(h).qryState();
            assertThat(st.event() & CoreEvent.STOPPED.bit()).isZero();
            assertThat(st.state()).isEqualTo(CoreExecState.DEBUG);
        }
        assertThat(c0.qryState().event() & CoreEvent.STOPPED.bit()).isNotZero();
        // a global step from core 0 tells every core again
        c0.step(true, StepType.INSTR, 1);
        for (McdCore c : cores) {
            assertThat(c.qryState().event() & CoreEvent.STOPPED.bit()).isNotZero();
        }
    }
}
