package dev.rewind.mcd.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.mcd.api.*;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The MCD API over the real engine with GCC-built guests, on 1 and 4 harts. */
class BackendTest {
    static final Path ELF = Path.of("../../tests/guest/elf");

    static ElfImage image(String name) throws Exception {
        return ElfLoader.parse(Files.readAllBytes(ELF.resolve(name)));
    }

    static McdCore open(McdApi api, int core) throws McdException {
        McdList<CoreConInfo> cores = api.qryCores(api.qrySystems(0, 1).items().get(0), 0, 64);
        return api.openCore(cores.items().get(core));
    }

    static void runToStop(McdCore core) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        McdEventListener l = (c, ev, st) -> {
            if ((ev & CoreEvent.STOPPED.bit()) != 0) {
                stopped.countDown();
            }
        };
        core.addEventListener(l);
        core.run(true);
        assertThat(stopped.await(60, TimeUnit.SECONDS)).as("stopped").isTrue();
        core.removeEventListener(l);
    }

    static long readReg(McdCore core, int number) throws McdException {
        TxList r = core.executeTxlist(TxList.of(Tx.read(Addr.of(Layout.MEM_REGISTERS, number), 4)));
        byte[] d = r.tx().get(0).data();
        return (d[0] & 0xffL) | (d[1] & 0xffL) << 8 | (d[2] & 0xffL) << 16 | (d[3] & 0xffL) << 24;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void topologyMemoryAndRegisters(int harts) throws Exception {
        McdApi api = McdBackend.builder(image("hello-rv32.elf")).harts(harts).build();
        assertThat(api.initialize(ApiVersion.current()).vendor()).isEqualTo("Rewind");
        assertThatThrownBy(() -> api.initialize(new ApiVersion(1, 2, ""))).isInstanceOf(McdException.class)
                .extracting(e -> ((McdException) e).errorCode()).isEqualTo(McdErrorCode.GENERAL);
        McdServer srv = api.openServer("", "");
        assertThatThrownBy(() -> api.openServer("", "")).isInstanceOf(McdException.class);
        srv.close();
        api.openServer("", "").close();
        assertThat(api.qrySystems(0, 0).count()).isEqualTo(1);
        CoreConInfo sys = api.qrySystems(0, 1).items().get(0);
        assertThat(sys.system()).isEqualTo("Rewind");
        assertThat(api.qryDevices(sys, 0, 0).count()).isEqualTo(1);
        assertThat(api.qryCores(sys, 0, 0).count()).isEqualTo(harts);
        assertThatThrownBy(() -> api.qryCores(sys, harts, 1)).isInstanceOf(McdException.class);
        McdCore core = open(api, harts - 1);
        assertThat(core.qryMemSpaces(0, 0).count()).isEqualTo(3);
        assertThat(core.qryMemSpaces(1, 1).items().get(0).memType()).isEqualTo(MemType.REGISTERS.bit());
        assertThat(core.qryRegGroups(0, 0).count()).isEqualTo(2);
        McdList<RegisterInfo> cpu = core.qryRegMap(1, 0, 100);
        assertThat(cpu.count()).isEqualTo(33);
        assertThat(cpu.items().get(32).regName()).isEqualTo("pc");
        assertThatThrownBy(() -> core.qryRegMap(9, 0, 1)).isInstanceOf(McdException.class);
        assertThat(core.qryErrorInfo().errorCode()).isEqualTo(McdErrorCode.REG_GROUP_ID.code());
        assertThat(readReg(core, RiscvRegisters.PC)).isEqualTo(0x8000_0000L);
        assertThat(readReg(core, 10)).isEqualTo(harts - 1);
        assertThat(readReg(core, RiscvRegisters.CSR_BASE + 0xF14)).isEqualTo(harts - 1);
        // memory write + read back, then a partial failure outside RAM
        Addr ram = Addr.of(Layout.MEM_PHYSICAL, 0x8010_0000L);
        core.executeTxlist(TxList.of(Tx.write(ram, new byte[] {1, 2, 3, 4})));
        TxList back = core.executeTxlist(TxList.of(Tx.read(ram, 4)));
        assertThat(back.tx().get(0).data()).containsExactly(1, 2, 3, 4);
        assertThat(back.numTxOk()).isEqualTo(1);
        long end = 0x8000_0000L + (128L << 20);
        assertThatThrownBy(() -> core.executeTxlist(TxList.of(Tx.read(ram, 2),
                Tx.read(Addr.of(Layout.MEM_PHYSICAL, end - 2), 4))))
                .isInstanceOfSatisfying(McdTxlistException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(McdErrorCode.TXLIST_READ);
                    assertThat(e.result().numTxOk()).isEqualTo(1);
                    assertThat(e.result().tx().get(1).numBytesOk()).isEqualTo(2);
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void breakpointStepReverseStepAndExit(int harts) throws Exception {
        ElfImage img = image("hello-rv32.elf");
        long main = img.symbol("main").orElseThrow().value();
        McdApi api = McdBackend.builder(img).harts(harts).build();
        McdCore core = open(api, 0);
        CreatedTrigger t = core.createTrig(TrigSimpleCore.breakpoint(Layout.MEM_PHYSICAL, main));
        assertThat(core.qryTrigSet(0, 0).count()).isEqualTo(1);
        runToStop(core);
        CoreState st = core.qryState();
        assertThat(st.state()).isEqualTo(CoreExecState.DEBUG);
        assertThat(st.trigId()).isEqualTo(t.trigId());
        assertThat(readReg(core, RiscvRegisters.PC)).isEqualTo(main);
        assertThat(core.qryTrigState(t.trigId()).captured()).isTrue();
        long time = core.qryCurrentTime();
        core.step(false, StepType.INSTR, 3);
        long afterStep = readReg(core, RiscvRegisters.PC);
        assertThat(afterStep).isNotEqualTo(main);
        TimeTravel tt = core.adapt(TimeTravel.class).orElseThrow();
        tt.reverseStep(3);
        assertThat(readReg(core, RiscvRegisters.PC)).isEqualTo(main);
        assertThat(core.qryCurrentTime()).isEqualTo(time);
        assertThat(core.executeCommand("time")).isEqualTo("time=" + time);
        core.removeTrig(t.trigId());
        runToStop(core);
        assertThat(core.qryState().state()).isEqualTo(CoreExecState.HALTED);
        Channel ch = core.chlOpen(new Channel(0, ChlType.APPLI, 3, 0, Addr.of(1, 0), 0));
        String out = new String(core.receiveMsg(ch, 0, 4096), StandardCharsets.UTF_8);
        for (int h = 0; h < harts; h++) {
            assertThat(out).contains("hello from hart " + h);
        }
    }
}
