package dev.rewind.mcd.backend;

import static dev.rewind.mcd.backend.Guest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.mcd.api.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Triggers through the Java API on 1 and 4 harts with hello-rv32.elf, where hart K prints when
 * {@code ticket == K} and then increments {@code ticket}: read, write and read-write watchpoints,
 * ranges, data conditions, capture-only triggers, hardware limits, trigger sets and states.
 * Every trigger belongs to the last core (hart {@code harts - 1}).
 */
class TriggerApiTest {

    static TrigComplexCore dataWrite(long addr, long value) {
        return new TrigComplexCore(TrigType.WRITE.bit(), TrigOption.DATA_IS_CONDITION.bit(),
                TrigAction.DBG_DEBUG.bit(), 0, false, 0, Addr.of(1, addr), 3, value, 0, 0, 0, 0, 0, 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void writeWatchpointStopsAfterTheOwnHartsStore(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        int k = harts - 1;
        McdCore core = g.core(k);
        long ticket = g.sym("ticket");
        CreatedTrigger t = core.createTrig(TrigSimpleCore.watchpoint(TrigType.WRITE, 1, ticket, 4));
        assertThat(t.trig().modified()).isFalse();
        runToStop(core);
        CoreState st = core.qryState();
        assertThat(st.trigId()).isEqualTo(t.trigId());
        assertThat(st.hwThreadId()).isEqualTo(k);
        // hart 0 clears .bss (ticket = 0) before anyone prints: with more harts that store is
        // hart 0's and does not stop core k
        if (harts == 1) {
            assertThat(st.stopStr()).contains("write of 4 bytes at 0x" + Long.toHexString(ticket));
            runToStop(core);
            st = core.qryState();
        }
        assertThat(mem32(core, ticket)).isEqualTo(k + 1);
        assertThat(console(core)).contains("hello from hart " + k);
        assertThat(st.stopStr()).contains("value 0x" + Integer.toHexString(k + 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void readAndReadWriteWatchpointsOnRanges(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        int k = harts - 1;
        McdCore core = g.core(k);
        long ticket = g.sym("ticket");
        CreatedTrigger r = core.createTrig(TrigSimpleCore.watchpoint(TrigType.READ, 1, ticket, 4));
        runToStop(core);
        CoreState st = core.qryState();
        assertThat(st.trigId()).isEqualTo(r.trigId());
        assertThat(st.hwThreadId()).isEqualTo(k);
        assertThat(st.stopStr()).contains("read of 4 bytes at 0x" + Long.toHexString(ticket));
        core.removeTrig(r.trigId());
        // a read-write watchpoint on the 8 bytes print_lock..ticket+3: the spin lock of rt_printf
        long lock = g.sym("print_lock");
        CreatedTrigger rw = core.createTrig(TrigSimpleCore.watchpoint(TrigType.RW, 1, lock, ticket + 4 - lock));
        assertThat(core.qryTrig(rw.trigId())).isEqualTo(rw.trig());
        runToStop(core);
        st = core.qryState();
        assertThat(st.trigId()).isEqualTo(rw.trigId());
        assertThat(st.stopStr()).containsAnyOf("read of", "write of");
        assertThat(st.hwThreadId()).isEqualTo(k);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void dataConditionAndCaptureOnlyTriggers(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        int k = harts - 1;
        McdCore core = g.core(k);
        long ticket = g.sym("ticket");
        // capture only (action DEFAULT): marks the trigger, never stops
        CreatedTrigger seen = core.createTrig(new TrigSimpleCore(TrigType.WRITE.bit(), 0, 0, 0, false, 0,
                Addr.of(1, ticket), 3));
        CreatedTrigger last = core.createTrig(dataWrite(ticket, harts));
        assertThat(core.qryTrigState(seen.trigId()).captured()).isFalse();
        runToStop(core);
        CoreState st = core.qryState();
        assertThat(st.trigId()).isEqualTo(last.trigId());
        assertThat(mem32(core, ticket)).isEqualTo(harts);
        assertThat(core.qryTrigState(seen.trigId()).captured()).isTrue();
        core.activateTrigSet();
        assertThat(core.qryTrigState(seen.trigId()).captured()).isFalse();
        core.removeTrig(last.trigId());
        runToStop(core);
        assertThat(core.qryState().state()).isEqualTo(CoreExecState.HALTED);
        assertThat(core.qryState().stopStr()).isEqualTo("exited with code 0");
        // NOT_DATA on a value never written stops at the first write of the own hart
        assertThat(TriggerTable.dataMatches(new TrigComplexCore(TrigType.WRITE.bit(), McdFlag.mask(
                TrigOption.DATA_IS_CONDITION, TrigOption.NOT_DATA), 1, 0, false, 0, Addr.of(1, ticket), 3, 99, 0, 0, 0,
                0, 0, 0), 4, 1)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void hardwareLimitsSetsAndStates(int harts) throws Exception {
        ElfImage img = Guest.image("hello-rv32.elf");
        Guest g = Guest.with(img, McdBackend.builder(img).harts(harts).hardwareTriggersPerHart(2).build());
        McdCore core = g.core(harts - 1);
        TrigInfo info = core.qryTrigInfo();
        assertThat(info.type()).isEqualTo(McdFlag.mask(TrigType.IP, TrigType.READ, TrigType.WRITE, TrigType.RW));
        assertThat(info.swBreakpoints()).isTrue();
        assertThat(core.qryCtrigs(0, 0).count()).isZero();
        assertThat(core.qryTrigSetState().active()).isFalse();
        long ticket = g.sym("ticket");
        core.createTrig(TrigSimpleCore.watchpoint(TrigType.WRITE, 1, ticket, 4));
        TrigSimpleCore hwBp = new TrigSimpleCore(TrigType.IP.bit(), TrigOption.IMPL_HARDWARE.bit(), 1, 0, false, 0,
                Addr.of(1, g.sym("main")), 0);
        core.createTrig(hwBp);
        assertThatThrownBy(() -> core.createTrig(hwBp)).isInstanceOfSatisfying(McdException.class,
                e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.TRIG_CREATE));
        assertThat(core.qryErrorInfo().errorStr()).contains("hardware triggers");
        for (int i = 0; i < 20; i++) { // software breakpoints are unlimited
            core.createTrig(TrigSimpleCore.breakpoint(1, g.sym("rt_putc") + 2 * i));
        }
        if (harts > 1) { // the limit is per hart
            g.core(0).createTrig(hwBp);
            g.core(0).createTrig(hwBp);
        }
        McdList<Integer> set = core.qryTrigSet(0, 0);
        assertThat(set.count()).isEqualTo(22);
        McdList<Integer> ids = core.qryTrigSet(0, 100);
        assertThat(core.qryTrigSetState().active()).isTrue();
        core.removeTrig(ids.items().get(0));
        assertThat(core.qryTrigSet(0, 0).count()).isEqualTo(21);
        assertThatThrownBy(() -> core.removeTrig(ids.items().get(0))).isInstanceOf(McdException.class);
        core.createTrig(TrigSimpleCore.watchpoint(TrigType.READ, 1, ticket, 4)); // a hardware slot is free again
        // an instruction trigger on a range is created as a single address, marked modified
        CreatedTrigger ranged = core.createTrig(new TrigSimpleCore(TrigType.IP.bit(), 0, 1, 0, false, 0,
                Addr.of(1, g.sym("main")), 16));
        assertThat(ranged.trig().modified()).isTrue();
        assertThat(((TrigSimpleCore) ranged.trig()).addrRange()).isZero();
        assertThatThrownBy(() -> core.createTrig(new TrigSimpleCore(TrigType.IP.bit(), 0, 1, 0, false, 0,
                Addr.of(2, 0), 0))).isInstanceOf(McdException.class);
        core.removeTrigSet();
        assertThat(core.qryTrigSet(0, 0).count()).isZero();
        assertThat(core.qryState().event() & CoreEvent.TRIGGER_CHANGE.bit()).isNotZero();
        runToStop(core); // nothing left of this core's set: hello runs to its end (core 0's are at main only)
        if (harts == 1) {
            assertThat(core.qryState().state()).isEqualTo(CoreExecState.HALTED);
        } else {
            assertThat(core.qryState().hwThreadId()).isZero();
            assertThat(pc(g.core(0))).isEqualTo(g.sym("main"));
        }
    }
}
