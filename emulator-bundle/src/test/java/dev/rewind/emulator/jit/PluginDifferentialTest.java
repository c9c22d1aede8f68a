package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.isa.Assembler;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plugins see the same execution whether the interpreter or translated code runs it: random programs (loads, stores,
 * atomics, MMIO, traps, CSRs, self-modifying code; {@link RandomPrograms}) with a plugin using every probe, run with
 * the translator off and forced on (threshold 0 and 2). Every block, instruction, memory and trap event (hart,
 * virtual time, pc, address, value) hashes the same, inline counters agree, and the guest's state equals that of a
 * run without plugins (plugins observe only).
 */
class PluginDifferentialTest {

    @ParameterizedTest(name = "RV{0}, {1} harts, quantum {2}, seeds from {3}")
    @CsvSource({"32, 1, 1000, 100", "64, 1, 1000, 200", "32, 4, 7, 300", "64, 4, 3, 400", "64, 2, 50, 500"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void pluginsSeeTheSameEventsInterpretedAndTranslated(int xlen, int harts, int quantum, long seed0) {
        long events = 0;
        for (long seed = seed0; seed < seed0 + 3; seed++) {
            byte[] code = new Assembler(xlen).assemble(RandomPrograms.program(xlen, seed, 900), RandomPrograms.RAM);
            var bare = RandomProgramDifferentialTest.boot(xlen, harts, quantum, code, seed, true, 2);
            var ref = RandomProgramDifferentialTest.boot(xlen, harts, quantum, code, seed, false, 0);
            var j0 = RandomProgramDifferentialTest.boot(xlen, harts, quantum, code, seed, true, 0);
            var j2 = RandomProgramDifferentialTest.boot(xlen, harts, quantum, code, seed, true, 2);
            EventLogPlugin pr = new EventLogPlugin();
            EventLogPlugin p0 = new EventLogPlugin();
            EventLogPlugin p2 = new EventLogPlugin();
            assertThat(ref.m().plugins().install(pr)).isEmpty();
            assertThat(j0.m().plugins().install(p0)).isEmpty();
            assertThat(j2.m().plugins().install(p2)).isEmpty();
            long chunk = 1;
            for (int point = 0; point < 30; point++) {
                RunResult a = ref.m().run(chunk);
                RunResult b = j0.m().run(chunk);
                RunResult c = j2.m().run(chunk);
                RunResult d = bare.m().run(chunk);
                String where = "seed " + seed + " point " + point + " time " + a.time();
                assertThat(b).as(where).isEqualTo(a);
                assertThat(c).as(where).isEqualTo(a);
                assertThat(d).as(where).isEqualTo(a);
                assertThat(ref.m().stateHash()).as(where).isEqualTo(bare.m().stateHash());
                assertThat(j0.m().stateHash()).as(where).isEqualTo(bare.m().stateHash());
                assertThat(j2.m().stateHash()).as(where).isEqualTo(bare.m().stateHash());
                for (int k = 0; k < 4; k++) {
                    assertThat(p0.live[k]).as(where + " count of kind " + k).isEqualTo(pr.live[k]);
                    assertThat(p2.live[k]).as(where + " count of kind " + k).isEqualTo(pr.live[k]);
                    assertThat(p0.hash[k]).as(where + " events of kind " + k).isEqualTo(pr.hash[k]);
                    assertThat(p2.hash[k]).as(where + " events of kind " + k).isEqualTo(pr.hash[k]);
                }
                for (int h = 0; h < harts; h++) {
                    assertThat(p0.insnInline.get(h)).as(where).isEqualTo(pr.insnInline.get(h));
                    assertThat(p2.insnInline.get(h)).as(where).isEqualTo(pr.insnInline.get(h));
                    assertThat(p0.blockInline.get(h)).as(where).isEqualTo(pr.blockInline.get(h));
                    assertThat(p2.blockInline.get(h)).as(where).isEqualTo(pr.blockInline.get(h));
                }
                if (a.reason() != StopReason.LIMIT_REACHED) {
                    break;
                }
                chunk = Math.min(chunk * 2 + 3 + point % 5, 9_973 + point);
            }
            assertThat(pr.insnInline.sum()).as("inline insn count = insn callbacks").isEqualTo(pr.live[EventLogPlugin.INSN]);
            assertThat(pr.blockInline.sum()).as("inline block count = block callbacks")
                    .isEqualTo(pr.live[EventLogPlugin.BLOCK]);
            assertThat(pr.live[EventLogPlugin.MEM]).as("memory events").isPositive();
            assertThat(j0.m().translationCounts()[2]).as("failed translations").isZero();
            assertThat(j2.m().translationCounts()[2]).as("failed translations").isZero();
            assertThat(j0.m().translationCounts()[1]).as("blocks translated").isPositive();
            assertThat(pr.starts).isEqualTo(harts);
            events += pr.live[EventLogPlugin.INSN];
        }
        assertThat(events).isGreaterThan(1000);
    }
}
