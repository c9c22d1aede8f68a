package dev.rewind.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.emulator.isa.Assembler;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Scheduler, LR/SC across harts, determinism, snapshots, breakpoints and watchpoints. */
class MachineTest {

    static final long RAM = MachineConfig.RAM_BASE;

    static Machine boot(int xlen, int harts, int q, String program) {
        Machine m = new Machine(new MachineConfig(xlen, harts, 1 << 20, q), ConsoleSink.discard(), InputSource.none());
        byte[] code = new Assembler(xlen).assemble(program, RAM);
        m.writeMemory(RAM, code, 0, code.length);
        for (int i = 0; i < harts; i++) {
            m.hart(i).setPc(RAM);
            m.hart(i).setReg(10, i);
        }
        return m;
    }

    static Machine elf(String name, int harts, int q) throws Exception {
        ElfImage img = ElfLoader.parse(Files.readAllBytes(GuestElfRunTest.ELFS.resolve(name)));
        Machine m = new Machine(MachineConfig.defaults(img.xlen()).withHarts(harts).withQuantum(q),
                ConsoleSink.discard(), InputSource.none());
        m.load(img);
        return m;
    }

    // data word at RAM+0x800; s0 holds its address (SETUP must be first: auipc at RAM)
    static final String SETUP = "auipc s0,0x1\naddi s0,s0,-2048\naddi t2,zero,5\n";

    @Test
    void scFailsAfterAnotherHartsStore() {
        // lockstep: hart 0 does lr, hart 1 stores to the word, hart 0's sc fails
        Machine m = boot(32, 2, 1, SETUP + "bne a0,zero,other\nlr.w t0,(s0)\naddi zero,zero,0\nsc.w t1,t2,(s0)\n"
                + "wfi\nother: sw t2,0(s0)\naddi zero,zero,0\nwfi\n");
        assertThat(m.run(100).reason()).isEqualTo(StopReason.DEADLOCK);
        assertThat(m.hart(0).reg(6)).as("sc.w result").isEqualTo(1);
    }

    @Test
    void scSucceedsWithoutInterference() {
        Machine m = boot(64, 2, 1, SETUP + "bne a0,zero,other\nlr.d t0,(s0)\naddi zero,zero,0\nsc.d t1,t2,(s0)\n"
                + "ld t3,0(s0)\nwfi\nother: lw t4,0(s0)\naddi zero,zero,0\nwfi\n");
        m.run(100);
        assertThat(m.hart(0).reg(6)).isZero();
        assertThat(m.hart(0).reg(28)).isEqualTo(5);
        Machine again = boot(64, 1, 1, SETUP + "sc.w t1,t2,(s0)\nwfi\n");
        again.run(100);
        assertThat(again.hart(0).reg(6)).as("sc without lr fails").isEqualTo(1);
    }

    @Test
    void fourHartsRunTwiceGiveTheSameStateHash() throws Exception {
        long[] hashes = new long[2];
        for (int k = 0; k < 2; k++) {
            Machine m = elf("demo-rv32.elf", 4, 1000);
            RunResult r = m.run(2_000_000);
            assertThat(r.reason()).isIn(StopReason.LIMIT_REACHED, StopReason.EXITED);
            hashes[k] = m.stateHash();
        }
        assertThat(hashes[0]).isEqualTo(hashes[1]);
    }

    @Test
    void splitRunsAndSnapshotRestoreReplayIdentically() throws Exception {
        Machine whole = elf("atomics-rv64.elf", 4, 97);
        whole.run(600_000);
        long expected = whole.stateHash();

        Machine split = elf("atomics-rv64.elf", 4, 97);
        split.run(123_457);
        MachineSnapshot snap = split.snapshot();
        long atSnap = split.stateHash();
        split.run(200_000);
        split.run(276_543);
        assertThat(split.stateHash()).isEqualTo(expected);

        split.restore(snap);
        assertThat(split.stateHash()).isEqualTo(atSnap);
        assertThat(split.time()).isEqualTo(123_457);
        split.run(476_543);
        assertThat(split.stateHash()).isEqualTo(expected);
        assertThat(snap.memory().allocatedPages()).isPositive();
    }

    @Test
    void rollbackToAMarkReturnsExactlyAndReplaysIdentically() throws Exception {
        Machine m = elf("atomics-rv64.elf", 4, 97);
        m.run(150_000);
        m.snapshot();
        m.run(20_000);
        long atMark = m.stateHash();
        long timeAtMark = m.time();
        m.mark();
        m.run(90_000);
        long later = m.stateHash();
        m.rollbackToMark();
        assertThat(m.stateHash()).isEqualTo(atMark);
        assertThat(m.time()).isEqualTo(timeAtMark);
        m.run(90_000);
        assertThat(m.stateHash()).isEqualTo(later);
        assertThatThrownBy(m::rollbackToMark).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void snapshotRoundTripToTheEndOfAProgram() throws Exception {
        CollectingConsole out = ConsoleSink.collecting();
        ElfImage img = ElfLoader.parse(Files.readAllBytes(GuestElfRunTest.ELFS.resolve("hello-rv32.elf")));
        Machine m = new Machine(MachineConfig.defaults(32).withHarts(2), out, InputSource.none());
        m.load(img);
        m.run(500_000);
        MachineSnapshot s = m.snapshot();
        RunResult first = m.run(10_000_000);
        long end = m.stateHash();
        m.restore(s);
        RunResult second = m.run(10_000_000);
        assertThat(second.reason()).isEqualTo(StopReason.EXITED).isEqualTo(first.reason());
        assertThat(m.stateHash()).isEqualTo(end);
        assertThat(out.text()).contains("hello from hart 1");
    }

    @Test
    void breakpointStopsBeforeAndResumeStepsOver() {
        Machine m = boot(64, 1, 1000, "addi a1,zero,1\naddi a1,a1,1\nbp: addi a1,a1,1\njal zero,bp\n");
        m.addBreakpoint(RAM + 8);
        RunResult r = m.run(1000);
        assertThat(r.reason()).isEqualTo(StopReason.BREAKPOINT);
        assertThat(r.address()).isEqualTo(RAM + 8);
        assertThat(m.hart(0).reg(11)).isEqualTo(2);
        r = m.run(1000);
        assertThat(r.reason()).isEqualTo(StopReason.BREAKPOINT);
        assertThat(m.hart(0).reg(11)).isEqualTo(3);
        assertThat(m.retired(0)).isEqualTo(4);
        m.removeBreakpoint(RAM + 8);
        assertThat(m.run(100).reason()).isEqualTo(StopReason.LIMIT_REACHED);
    }

    @Test
    void watchpointStopsAfterTheAccess() {
        Machine m = boot(64, 1, 1000, SETUP + "ld t0,0(s0)\naddi t1,zero,9\nsw t1,4(s0)\naddi t2,zero,1\nwfi\n");
        m.addWatchpoint(RAM + 0x804, 4, WatchKind.WRITE);
        RunResult r = m.run(1000);
        assertThat(r.reason()).isEqualTo(StopReason.WATCHPOINT);
        assertThat(r.address()).isEqualTo(RAM + 0x804);
        assertThat(r.accessValue()).isEqualTo(9);
        assertThat(r.accessWrite()).isTrue();
        assertThat(m.hart(0).pc()).as("after the store").isEqualTo(RAM + 24);
        m.addWatchpoint(RAM + 0x800, 8, WatchKind.READ);
        assertThat(m.run(1000).reason()).isEqualTo(StopReason.DEADLOCK);
    }

    @Test
    void stepHartAdvancesOneInstructionOfThatHart() {
        Machine m = boot(32, 3, 5, "loop: addi a1,a1,1\njal zero,loop\n");
        RunResult r = m.stepHart(2);
        assertThat(r.reason()).isEqualTo(StopReason.STEP_DONE);
        assertThat(m.retired(2)).isEqualTo(1);
        assertThat(m.retired(0)).isEqualTo(5);
        assertThat(m.retired(1)).isEqualTo(5);
    }

    @Test
    void requestStopIsHonoured() {
        Machine m = boot(32, 1, 1000, "loop: jal zero,loop\n");
        m.requestStop();
        assertThat(m.run(Long.MAX_VALUE).reason()).isEqualTo(StopReason.STOP_REQUESTED);
    }

    @Test
    void badInputGetsClearErrors() throws Exception {
        assertThatThrownBy(() -> new MachineConfig(16, 1, 4096, 1)).hasMessageContaining("xlen");
        assertThatThrownBy(() -> MachineConfig.defaults(32).withHarts(17)).hasMessageContaining("harts");
        assertThatThrownBy(() -> MachineConfig.defaults(32).withRamSize(1000)).hasMessageContaining("ramSize");
        assertThatThrownBy(() -> MachineConfig.defaults(32).withQuantum(0)).hasMessageContaining("quantum");
        Machine m = new Machine(MachineConfig.defaults(64), ConsoleSink.discard(), InputSource.none());
        ElfImage rv32 = ElfLoader.parse(Files.readAllBytes(GuestElfRunTest.ELFS.resolve("hello-rv32.elf")));
        assertThatThrownBy(() -> m.load(rv32)).isInstanceOf(LoadException.class).hasMessageContaining("RV32");
        assertThatThrownBy(() -> m.readMemory(0x4000_0000L, new byte[4], 0, 4))
                .hasMessageContaining("neither RAM nor a device");
        assertThatThrownBy(() -> m.readCsr(0, 0x7C0)).hasMessageContaining("no such CSR");
        Machine small = new Machine(MachineConfig.defaults(32).withRamSize(4096), ConsoleSink.discard(),
                InputSource.none());
        assertThatThrownBy(() -> small.load(rv32)).isInstanceOf(LoadException.class).hasMessageContaining("outside RAM");
    }
}
