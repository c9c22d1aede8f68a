package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.MachineSnapshot;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random programs from the instruction table ({@link RandomPrograms}) run with the translator off and forced
 * on (threshold 0 and 2); state hashes, stops and console output must agree after every one of many uneven
 * chunks (with a snapshot restore halfway, which keeps translations of unchanged code pages), on RV32 and RV64, on 1 hart and on 4 harts with small quanta (budgets shorter than blocks).
 */
class RandomProgramDifferentialTest {

    record Run(Machine m, CollectingConsole out) {
    }

    static Run boot(int xlen, int harts, int quantum, byte[] code, long seed, boolean jit, int threshold) {
        CollectingConsole console = ConsoleSink.collecting();
        Machine m = new Machine(new MachineConfig(xlen, harts, 1 << 20, quantum), console,
                InputSource.of("in".getBytes(), 1000, 3000));
        m.setTranslation(jit, threshold);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        byte[] data = new byte[RandomPrograms.DATA_SIZE];
        new Random(seed).nextBytes(data);
        m.writeMemory(RandomPrograms.DATA, data, 0, data.length);
        for (int h = 0; h < harts; h++) {
            Random r = new Random(seed * 31 + h);
            m.hart(h).setPc(RandomPrograms.RAM);
            for (int reg = 1; reg < 32; reg++) {
                long v = switch (r.nextInt(4)) {
                    case 0 -> r.nextInt(16) - 8;
                    case 1 -> r.nextInt();
                    default -> r.nextLong();
                };
                m.hart(h).setReg(reg, v);
            }
            for (int p = 0; p < RandomPrograms.POINTERS.length; p++) {
                m.hart(h).setReg(RandomPrograms.POINTERS[p], RandomPrograms.POINTER_VALUES[p] + 64L * h);
            }
            m.hart(h).setReg(RandomPrograms.LOOP, 3000);
            m.writeCsr(h, 0x305, RandomPrograms.HANDLER);
        }
        return new Run(m, console);
    }

    @ParameterizedTest(name = "RV{0}, {1} harts, quantum {2}, seeds from {3}")
    @CsvSource({"32, 1, 1000, 100", "64, 1, 1000, 200", "32, 4, 7, 300", "64, 4, 3, 400", "64, 2, 50, 500",
        "32, 2, 1, 600"})
    void randomProgramsRunIdenticallyTranslated(int xlen, int harts, int quantum, long seed0) {
        long translated = 0;
        for (long seed = seed0; seed < seed0 + 4; seed++) {
            String src = RandomPrograms.program(xlen, seed, 900);
            byte[] code = new Assembler(xlen).assemble(src, RandomPrograms.RAM);
            Run ref = boot(xlen, harts, quantum, code, seed, false, 0);
            Run j0 = boot(xlen, harts, quantum, code, seed, true, 0);
            Run j2 = boot(xlen, harts, quantum, code, seed, true, 2);
            long chunk = 1;
            MachineSnapshot[] snaps = new MachineSnapshot[3];
            for (int point = 0; point < 40; point++) {
                if (point == 8) {
                    snaps = new MachineSnapshot[] {ref.m().snapshot(), j0.m().snapshot(), j2.m().snapshot()};
                } else if (point == 16 && ref.m().time() > snaps[0].time()) {
                    ref.m().restore(snaps[0]);
                    j0.m().restore(snaps[1]);
                    j2.m().restore(snaps[2]);
                }
                RunResult a = ref.m().run(chunk);
                RunResult b = j0.m().run(chunk);
                RunResult c = j2.m().run(chunk);
                String where = "seed " + seed + " point " + point + " time " + a.time();
                assertThat(b).as(where).isEqualTo(a);
                assertThat(c).as(where).isEqualTo(a);
                assertThat(j0.m().stateHash()).as(where).isEqualTo(ref.m().stateHash());
                assertThat(j2.m().stateHash()).as(where).isEqualTo(ref.m().stateHash());
                if (a.reason() != StopReason.LIMIT_REACHED) {
                    break;
                }
                chunk = chunk * 2 + 3 + point % 5;
                if (chunk > 20_000) {
                    chunk = 9_973 + point;
                }
            }
            assertThat(j0.out().text()).isEqualTo(ref.out().text());
            assertThat(j2.out().text()).isEqualTo(ref.out().text());
            assertThat(j0.m().translationCounts()[2]).as("failed translations").isZero();
            assertThat(j2.m().translationCounts()[2]).as("failed translations").isZero();
            translated += j0.m().translationCounts()[1];
        }
        assertThat(translated).as("blocks translated").isGreaterThan(100);
    }
}
