package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.isa.Assembler;
import dev.rewind.plugin.api.Counter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inline counters read from a trap callback: the interpreter runs a block whose instructions carry inline additions
 * only as a whole and adds afterwards ({@code ProbedExec}), unless a plugin listens to traps, which must see the
 * additions of the instructions up to the trapping one (as translated code and the stepped interpreter make them).
 * The values seen at every trap, interpreted and translated, are equal.
 */
class InlineCountersAtTrapsTest {

    /** An inline counter per instruction (by 1, by 5 on memory instructions) and its values at every trap. */
    static final class AtTraps implements RewindPlugin {
        Counter insns;
        final List<String> seen = new ArrayList<>();

        @Override
        public String name() {
            return "at-traps";
        }

        @Override
        public void install(PluginContext ctx) {
            insns = ctx.counter("insns");
            ctx.onTranslate(tb -> {
                for (int i = 0; i < tb.size(); i++) {
                    tb.insn(i).inlineAdd(insns, tb.insn(i).accessesMemory() ? 5 : 1);
                }
            });
            ctx.onTrap((hart, time, cause, interrupt, epc, tval) -> seen.add(
                    hart + "@" + time + " cause " + cause + " epc " + Long.toHexString(epc) + ": " + insns.get(hart)));
        }
    }

    @ParameterizedTest(name = "RV{0}, {1} harts, quantum {2}, seed {3}")
    @CsvSource({"32, 1, 1000, 21", "64, 2, 50, 22", "32, 4, 7, 23"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void countersSeenByTrapCallbacksAgreeInterpretedAndTranslated(int xlen, int harts, int quantum, long seed) {
        byte[] code = new Assembler(xlen).assemble(RandomPrograms.program(xlen, seed, 900), RandomPrograms.RAM);
        var ref = RandomProgramDifferentialTest.boot(xlen, harts, quantum, code, seed, false, 0);
        var jit = RandomProgramDifferentialTest.boot(xlen, harts, quantum, code, seed, true, 0);
        AtTraps a = new AtTraps();
        AtTraps b = new AtTraps();
        assertThat(ref.m().plugins().install(a)).isEmpty();
        assertThat(jit.m().plugins().install(b)).isEmpty();
        assertThat(jit.m().run(300_000)).isEqualTo(ref.m().run(300_000));
        assertThat(a.seen).as("traps taken").hasSizeGreaterThan(5);
        assertThat(b.seen).isEqualTo(a.seen);
        assertThat(b.insns.sum()).isEqualTo(a.insns.sum());
        assertThat(jit.m().translationCounts()[1]).as("blocks translated").isPositive();
    }
}
