package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.isa.Assembler;
import dev.rewind.plugin.api.MemFilter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plugin that fails while translated code runs (translated code calls the plugins' callbacks directly, see
 * {@code CallTable}): none of its callbacks runs after the failure, neither the rest of the region's nor those after
 * a memory callback of it failed; another plugin's callbacks go on; every count and the guest's state equal those of
 * the interpreter.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CallFailureTest {

    /** An execution callback per instruction and a memory callback per access; one of them throws at its n-th call. */
    static final class Fails implements RewindPlugin {
        final boolean inMem;
        final long at;
        long execs;
        long mems;
        long afterDeath;
        boolean dead;

        Fails(boolean inMem, long at) {
            this.inMem = inMem;
            this.at = at;
        }

        @Override
        public String name() {
            return "fails";
        }

        @Override
        public void install(PluginContext ctx) {
            ctx.onTranslate(tb -> {
                for (int i = 0; i < tb.size(); i++) {
                    tb.insn(i).onExec((hart, time) -> see(++execs, false));
                    tb.insn(i).onMem(MemFilter.ALL, (hart, time, addr, size, kind, value) -> see(++mems, true));
                }
            });
        }

        private void see(long n, boolean mem) {
            if (dead) {
                afterDeath++;
            }
            if (n == at && mem == inMem) {
                dead = true;
                throw new IllegalStateException("fails at call " + n);
            }
        }
    }

    /** Counts block and instruction callbacks. */
    static final class Counts implements RewindPlugin {
        long blocks;
        long insns;

        @Override
        public String name() {
            return "counts";
        }

        @Override
        public void install(PluginContext ctx) {
            ctx.onTranslate(tb -> {
                tb.onExec((hart, time) -> blocks++);
                for (int i = 0; i < tb.size(); i++) {
                    tb.insn(i).onExec((hart, time) -> insns++);
                }
            });
        }
    }

    private static List<Object> run(boolean jit, boolean inMem) {
        byte[] code = new Assembler(64).assemble(RandomPrograms.program(64, 11, 900), RandomPrograms.RAM);
        var run = RandomProgramDifferentialTest.boot(64, 2, 50, code, 11, jit, 0);
        Fails f = new Fails(inMem, inMem ? 150 : 20_000);
        Counts c = new Counts();
        assertThat(run.m().plugins().install(f)).isEmpty();
        assertThat(run.m().plugins().install(c)).isEmpty();
        run.m().run(200_000);
        assertThat(f.dead).as("the plugin failed: " + f.execs + " execs, " + f.mems + " mems").isTrue();
        assertThat(f.afterDeath).as("callbacks after the failure").isZero();
        assertThat(run.m().plugins().reports()).anySatisfy(r -> assertThat(r)
                .contains("fails", "failed and was unregistered", "fails at call"));
        assertThat(c.insns).as("the other plugin goes on").isGreaterThan(f.execs);
        if (jit) {
            assertThat(run.m().translationCounts()[1]).as("blocks translated").isPositive();
        }
        return List.of(f.execs, f.mems, c.blocks, c.insns, run.m().time(), run.m().stateHash());
    }

    @ParameterizedTest(name = "the failing callback is a memory callback: {0}")
    @ValueSource(booleans = {false, true})
    void aPluginFailingInTranslatedCodeIsNeverCalledAgainAndCountsEqualTheInterpreters(boolean inMem) {
        assertThat(run(true, inMem)).isEqualTo(run(false, inMem));
    }
}
