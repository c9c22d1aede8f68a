package dev.rewind.mcd.backend;

import static dev.rewind.mcd.backend.Guest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.mcd.api.*;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reset classes, the console channel, the instruction trace and the remaining queries on 1 and 4 harts. */
class ResetChannelTraceTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void hartAndSystemReset(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        int k = harts - 1;
        McdCore core = g.core(k);
        assertThat(core.qryRstClasses()).isEqualTo(3);
        assertThat(core.qryRstClassInfo(0).infoStr()).startsWith("system reset");
        assertThat(core.qryRstClassInfo(1).infoStr()).startsWith("hart reset");
        assertThatThrownBy(() -> core.qryRstClassInfo(2)).isInstanceOf(McdException.class);
        assertThatThrownBy(() -> core.rst(4, true)).isInstanceOf(McdException.class);
        core.step(false, StepType.INSTR, 30);
        long t = core.qryCurrentTime();
        assertThat(pc(core)).isNotEqualTo(g.image.entry());
        core.rst(Layout.RST_HART, true);
        assertThat(pc(core)).isEqualTo(g.image.entry());
        assertThat(reg(core, 10)).isEqualTo(k);
        assertThat(core.qryCurrentTime()).isEqualTo(t); // a hart reset does not turn back time
        CoreState st = core.qryState();
        assertThat(st.stopStr()).isEqualTo("reset of hart " + k);
        assertThat(st.event() & CoreEvent.REGISTER_CHANGE.bit()).isNotZero();
        // (the guest cannot cope with a hart restarting its boot: reset the whole system)
        core.rst(Layout.RST_SYSTEM, true);
        assertThat(core.qryCurrentTime()).isZero();
        assertThat(core.qryState().state()).isEqualTo(CoreExecState.DEBUG);
        assertThat(core.qryState().stopStr()).isEqualTo("system reset");
        assertThat(console(core)).isEmpty();
        // reset and run: the machine runs to the end again
        McdCore c0 = g.core(0);
        RunControlTest.awaitStop(c0, () -> c0.rst(Layout.RST_SYSTEM, false));
        assertThat(c0.qryState().state()).isEqualTo(CoreExecState.HALTED);
        assertThat(console(c0)).contains("hello from hart " + k);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void consoleChannelSendsInputAndReceivesOutput(int harts) throws Exception {
        Guest g = Guest.of("echo32.elf", harts);
        McdCore core = g.core(harts - 1);
        assertThatThrownBy(() -> core.chlOpen(new Channel(0, ChlType.CONFIG, 3, 0, Addr.of(1, 0), 0)))
                .isInstanceOfSatisfying(McdException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.CHL_TYPE_NOT_SUPPORTED));
        Channel ch = core.chlOpen(new Channel(0, ChlType.APPLI, 3, 0, Addr.of(1, 0), 0));
        assertThat(ch.chlId()).isEqualTo(Layout.CHL_CONSOLE);
        core.sendMsg(ch, "rewind\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> core.sendMsg(new Channel(9, ChlType.APPLI, 3, 0, Addr.of(1, 0), 0), new byte[1]))
                .isInstanceOfSatisfying(McdException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.CHL_SETUP));
        runToStop(core);
        assertThat(core.qryState().stopStr()).isEqualTo("exited with code 7");
        assertThat(new String(core.receiveMsg(ch, 100, 3), StandardCharsets.US_ASCII)).isEqualTo("REW");
        assertThat(new String(core.receiveMsg(ch, 0, 100), StandardCharsets.US_ASCII)).isEqualTo("IND\n");
        assertThat(core.receiveMsg(ch, 0, 100)).isEmpty();
        core.chlReset(ch);
        core.chlClose(ch);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void instructionTraceOfEachHart(int harts) throws Exception {
        ElfImage img = Guest.image("hello-rv32.elf");
        McdApi api = McdBackend.builder(img).harts(harts).traceCapacity(64).build();
        Guest g = Guest.with(img, api);
        McdCore core = g.core(harts - 1);
        McdList<TraceInfo> traces = core.qryTraces(0, 10);
        assertThat(traces.count()).isEqualTo(1);
        assertThat(traces.items().get(0).traceFormat()).isEqualTo(TraceFormat.CORE_EXECUTE);
        assertThat(core.qryTraceState(1).state()).isEqualTo(TraceExecState.OFF);
        TraceState on = core.setTraceState(1, new TraceState(TraceExecState.ARM, TraceMode.FIFO.bit(), false, false,
                0, 0, 0, 0, 0, false, 0, false, ""));
        assertThat(on.state()).isEqualTo(TraceExecState.ARM);
        assertThat(on.modified()).isFalse();
        core.step(false, StepType.INSTR, 10);
        McdList<TraceFrame> frames = core.readTrace(1, 0, 100);
        assertThat(frames.count()).isEqualTo(10);
        assertThat(frames.items().get(0).addr().address()).isEqualTo(img.entry());
        for (int i = 0; i < 10; i++) {
            assertThat(frames.items().get(i).timestamp()).isEqualTo(i);
            assertThat(frames.items().get(i).source()).isEqualTo(harts - 1);
        }
        assertThat(pc(core)).isNotEqualTo(frames.items().get(9).addr().address());
        core.step(false, StepType.INSTR, 100);
        TraceState st = core.qryTraceState(1);
        assertThat(st.frames()).isEqualTo(64);
        assertThat(st.count()).isEqualTo(110);
        assertThat(st.wraparound()).isTrue();
        assertThat(core.readTrace(1, 0, 0).count()).isEqualTo(64);
        assertThat(core.readTrace(1, 63, 10).items().get(0).timestamp()).isEqualTo(109);
        assertThatThrownBy(() -> core.readTrace(1, 64, 1)).isInstanceOf(McdException.class);
        assertThatThrownBy(() -> core.readTrace(2, 0, 1)).isInstanceOf(McdException.class);
        core.setTraceState(1, new TraceState(TraceExecState.INIT, TraceMode.NOCHANGE.bit(), false, false, 0, 0, 0,
                0, 0, false, 0, false, ""));
        assertThat(core.readTrace(1, 0, 0).count()).isZero();
        core.step(false, StepType.INSTR, 5);
        assertThat(core.readTrace(1, 0, 0).count()).isZero(); // INIT also stops tracing
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void serverConfigModesBlocksOverlaysAndCompounds(int harts) throws Exception {
        Guest g = Guest.of("hello-rv32.elf", harts);
        McdApi api = g.api;
        assertThat(api.qryServers("", true, 0, 0).count()).isEqualTo(1);
        McdServer srv = api.openServer("", "harts=" + harts);
        assertThat(srv.qryConfig()).isEqualTo("harts=" + harts);
        srv.setConfig("x=1");
        assertThat(srv.qryConfig()).isEqualTo("x=1");
        srv.close();
        assertThatThrownBy(srv::qryConfig).isInstanceOf(McdException.class);
        McdCore core = g.core(harts - 1);
        McdList<CoreModeInfo> modes = core.qryCoreModes(0, 10);
        assertThat(modes.items()).extracting(CoreModeInfo::name).containsExactly("user", "machine");
        assertThat(core.qryDeviceDescription()).isEmpty();
        assertThat(core.qryMaxPayloadSize()).isEqualTo(McdConstants.GUARANTEED_MIN_PAYLOAD);
        assertThat(core.qryInputHandle()).isEqualTo(-1);
        List<MemBlock> blocks = core.qryMemBlocks(1, 0, 10).items();
        assertThat(blocks).extracting(MemBlock::memBlockName).containsExactly("test-finisher", "clint", "uart", "ram");
        assertThatThrownBy(() -> core.qryMemBlocks(2, 0, 1)).isInstanceOf(McdException.class);
        assertThatThrownBy(() -> core.qryMemBlocks(7, 0, 1)).isInstanceOf(McdException.class);
        assertThat(core.qryActiveOverlays(0, 0).count()).isZero();
        assertThatThrownBy(() -> core.qryRegCompound(32, 0, 1)).isInstanceOfSatisfying(McdException.class,
                e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.REG_NOT_COMPOUND));
        assertThat(core.qryRegMap(2, 0, 0).count()).isGreaterThan(10);
        // register and CSR writes through txlists
        setReg(core, 5, 0xCAFE);
        assertThat(reg(core, 5)).isEqualTo(0xCAFE);
        setReg(core, RiscvRegisters.CSR_BASE + 0x340, 0x1234); // mscratch
        assertThat(reg(core, RiscvRegisters.CSR_BASE + 0x340)).isEqualTo(0x1234);
        assertThat(core.qryState().event() & CoreEvent.REGISTER_CHANGE.bit()).isNotZero();
        core.close();
        assertThatThrownBy(core::qryState).isInstanceOfSatisfying(McdException.class,
                e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.CONNECTION));
        api.exit();
        assertThat(api.qryErrorInfo().errorCode()).isZero();
    }
}
