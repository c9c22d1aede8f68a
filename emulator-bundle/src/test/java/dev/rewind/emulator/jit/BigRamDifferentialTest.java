package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.MachineSnapshot;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 1 GiB and a 2 GiB RAM with the stack at the top (a bare-metal linker script's layout): pushes from RAM's last
 * byte down (misaligned and page-crossing too) and stores near the bottom, each read back, translated and
 * interpreted bit for bit; RAM's storage stays the pages written (the flat array does not grow to the top).
 */
class BigRamDifferentialTest {

    private static final long B = MachineConfig.RAM_BASE;
    private static final int N = 6000;

    static String program() {
        return RandomPrograms.HANDLER_CODE + ".zero " + (RandomPrograms.BODY - RandomPrograms.RAM - 4 * 15) + "\n"
                + "start:\nloop:\n"
                + "addi sp,sp,-14\nsw t0,0(sp)\nsw t2,4(sp)\nsw t0,10(sp)\nlw t1,0(sp)\nlw t3,10(sp)\nlhu t4,6(sp)\n"
                + "add t2,t2,t1\nxor t2,t2,t3\nadd t2,t2,t4\n"
                + "sw t2,0(a1)\nlw t4,0(a1)\nadd t2,t2,t4\naddi a1,a1,6\n"
                + Lockstep.LOOP_EXIT;
    }

    static Machine boot(int xlen, long ram, boolean jit) {
        Machine m = new Machine(new MachineConfig(xlen, 1, ram, 1000), ConsoleSink.discard(), InputSource.none());
        m.setTranslation(jit, 0);
        byte[] code = new Assembler(xlen).assemble(program(), RandomPrograms.RAM);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        m.hart(0).setPc(RandomPrograms.RAM);
        long top = B + ram;
        m.hart(0).setReg(2, xlen == 32 ? (long) (int) top : top);
        m.hart(0).setReg(11, B + 0x8_0000);
        m.hart(0).setReg(5, N);
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        return m;
    }

    static PhysicalMemory memory(Machine m) {
        try {
            var f = Machine.class.getDeclaredField("mem");
            f.setAccessible(true);
            return (PhysicalMemory) f.get(m);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "RV{0} {1} MiB")
    @CsvSource({"32, 1024", "64, 1024", "32, 2048", "64, 2048"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stackAtTheTopOfABigRam(int xlen, int mib) {
        long ram = (long) mib << 20;
        Machine ref = boot(xlen, ram, false);
        Machine jit = boot(xlen, ram, true);
        MachineSnapshot s0 = jit.snapshot();
        long chunk = 5;
        RunResult a = null;
        for (int point = 0; point < 400; point++) {
            a = ref.run(chunk);
            RunResult b = jit.run(chunk);
            String where = "point " + point + " time " + a.time();
            assertThat(b).as(where).isEqualTo(a);
            assertThat(jit.stateHash()).as(where).isEqualTo(ref.stateHash());
            if (a.reason() != StopReason.LIMIT_REACHED) {
                break;
            }
            chunk = Math.min(chunk * 2 + 1, 20_000);
        }
        assertThat(a.reason()).isEqualTo(StopReason.EXITED);
        long top = B + ram;
        assertThat(ref.hart(0).reg(2) & 0xFFFFFFFFL).isEqualTo((top - 14L * N) & 0xFFFFFFFFL);
        byte[] w = new byte[14];
        jit.readMemory(top - 14, w, 0, 14);
        long t0 = (w[0] & 0xFFL) | (w[1] & 0xFFL) << 8 | (w[2] & 0xFFL) << 16 | (w[3] & 0xFFL) << 24;
        long t0b = (w[10] & 0xFFL) | (w[11] & 0xFFL) << 8 | (w[12] & 0xFFL) << 16 | (w[13] & 0xFFL) << 24;
        assertThat(t0).as("first push, RAM's last 14 bytes").isEqualTo(N);
        assertThat(t0b).as("RAM's last 4 bytes").isEqualTo(N);
        for (Machine m : new Machine[] {ref, jit}) {
            long bytes = memory(m).allocatedBytes();
            // 1 MiB initial array + ~83 KiB of stack pages; was the whole RAM
            assertThat(bytes).as("RAM storage").isLessThanOrEqualTo((1 << 20) + (32L << 12));
        }
        long h = jit.stateHash();
        jit.restore(s0);
        assertThat(jit.run(10_000_000).reason()).isEqualTo(StopReason.EXITED);
        assertThat(jit.stateHash()).as("re-run after a restore").isEqualTo(h);
    }
}
