package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.isa.Assembler;
import dev.rewind.plugin.api.Counter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inline counters alone (no callbacks, so the translator groups additions of several instructions): per-hart values
 * equal interpreted and translated after every chunk of random programs with traps, MMIO cuts and atomics; one
 * counter that every instruction adds the same to (translated code counts it by instructions run, without code per
 * block: {@link InlineGroups#counted}) and two that the translator adds to per group.
 */
class InlineCounterDifferentialTest {

    /**
     * Counts instructions, memory instructions (by 3) and blocks, two counters sharing instructions, and instructions
     * by 3 (two additions of each instruction).
     */
    static final class Inline implements RewindPlugin {
        Counter insns;
        Counter weighted;
        Counter uniform;

        @Override
        public String name() {
            return "inline";
        }

        @Override
        public void install(PluginContext ctx) {
            insns = ctx.counter("insns");
            weighted = ctx.counter("weighted");
            uniform = ctx.counter("uniform");
            ctx.onTranslate(tb -> {
                tb.inlineAdd(weighted, 100);
                for (int i = 0; i < tb.size(); i++) {
                    tb.insn(i).inlineAdd(uniform, 1);
                    tb.insn(i).inlineAdd(insns, 1);
                    tb.insn(i).inlineAdd(uniform, 2);
                    if (tb.insn(i).accessesMemory()) {
                        tb.insn(i).inlineAdd(weighted, 3);
                        tb.insn(i).inlineAdd(insns, 1000);
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "RV{0}, {1} harts, quantum {2}, seed {3}")
    @CsvSource({"32, 1, 1000, 11", "64, 4, 3, 12", "64, 2, 50, 13", "32, 4, 7, 14"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void inlineCountersAgreeInterpretedAndTranslated(int xlen, int harts, int quantum, long seed) {
        byte[] code = new Assembler(xlen).assemble(RandomPrograms.program(xlen, seed, 900), RandomPrograms.RAM);
        var ref = RandomProgramDifferentialTest.boot(xlen, harts, quantum, code, seed, false, 0);
        var j0 = RandomProgramDifferentialTest.boot(xlen, harts, quantum, code, seed, true, 0);
        Inline a = new Inline();
        Inline b = new Inline();
        ref.m().plugins().install(a);
        j0.m().plugins().install(b);
        long chunk = 1;
        for (int point = 0; point < 30; point++) {
            RunResult r = ref.m().run(chunk);
            assertThat(j0.m().run(chunk)).isEqualTo(r);
            for (int h = 0; h < harts; h++) {
                assertThat(b.insns.get(h)).as("point " + point + " hart " + h).isEqualTo(a.insns.get(h));
                assertThat(b.weighted.get(h)).as("point " + point + " hart " + h).isEqualTo(a.weighted.get(h));
                assertThat(b.uniform.get(h)).as("point " + point + " hart " + h).isEqualTo(a.uniform.get(h));
            }
            if (r.reason() != StopReason.LIMIT_REACHED) {
                break;
            }
            chunk = Math.min(chunk * 2 + 3 + point % 5, 9_973 + point);
        }
        assertThat(a.insns.sum()).isGreaterThan(1000);
        assertThat(a.uniform.sum()).as("3 per instruction").isGreaterThan(3000).isEqualTo(b.uniform.sum());
        assertThat(j0.m().translationCounts()[1]).isPositive();
    }
}
