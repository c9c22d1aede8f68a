package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RAM's flat array grows while the guest runs (its first store past the array replaces it): a hot loop storing
 * upwards through 6 MiB of an 8 MiB RAM, word by word with misaligned and page-crossing stores, and loading back what
 * it stored, translated and interpreted, bit for bit; then every stored word read back through the debugger.
 */
class RamGrowthDifferentialTest {

    private static final long B = MachineConfig.RAM_BASE;
    private static final long START = B + 0x10_0000;
    private static final long STEP = 0x3FE;
    private static final int N = 6 * 1024 * 1024 / (int) STEP;

    static String program() {
        return RandomPrograms.HANDLER_CODE + ".zero " + (RandomPrograms.BODY - RandomPrograms.RAM - 4 * 15) + "\n"
                + "start:\nloop:\n"
                + "sw a0,0(a0)\nsh a0,6(a0)\nlw t1,0(a0)\nlhu t3,6(a0)\nadd t2,t2,t1\nxor t2,t2,t3\n"
                + "sw t2,0x3FC(a0)\n" // crosses a page every fourth round or so
                + "addi a0,a0,0x3FE\n" + Lockstep.LOOP_EXIT;
    }

    static Machine boot(int xlen, boolean jit) {
        Machine m = new Machine(new MachineConfig(xlen, 1, 8 << 20, 1000), ConsoleSink.discard(), InputSource.none());
        m.setTranslation(jit, 0);
        byte[] code = new Assembler(xlen).assemble(program(), RandomPrograms.RAM);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        m.hart(0).setPc(RandomPrograms.RAM);
        m.hart(0).setReg(10, START);
        m.hart(0).setReg(5, N);
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        return m;
    }

    @ParameterizedTest(name = "RV{0}")
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void storesPastTheArrayGrowItAndNothingIsLost(int xlen) {
        Machine ref = boot(xlen, false);
        Machine jit = boot(xlen, true);
        long chunk = 5;
        for (int point = 0; point < 400; point++) {
            RunResult a = ref.run(chunk);
            RunResult b = jit.run(chunk);
            String where = "point " + point + " time " + a.time();
            assertThat(b).as(where).isEqualTo(a);
            assertThat(jit.stateHash()).as(where).isEqualTo(ref.stateHash());
            if (a.reason() != StopReason.LIMIT_REACHED) {
                break;
            }
            chunk = Math.min(chunk * 2 + 1, 20_000);
        }
        assertThat(ref.hart(0).reg(10)).as("ran to the end").isEqualTo(xlen == 32 ? (long) (int) (START + N * STEP) : START + N * STEP);
        assertThat(jit.translationCounts()[1]).as("blocks translated").isPositive();
        byte[] w = new byte[8];
        for (int i = 0; i < N; i++) {
            long a = START + i * STEP;
            jit.readMemory(a, w, 0, 8);
            long lo = (w[0] & 0xFFL) | (w[1] & 0xFFL) << 8 | (w[2] & 0xFFL) << 16 | (w[3] & 0xFFL) << 24;
            long h = (w[6] & 0xFFL) | (w[7] & 0xFFL) << 8;
            assertThat(lo).as("word at %x", a).isEqualTo(a & 0xFFFFFFFFL);
            assertThat(h).as("half at %x", a + 6).isEqualTo(a & 0xFFFF);
        }
    }
}
