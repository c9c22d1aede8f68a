package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.isa.Assembler;
import dev.rewind.plugin.api.Counter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Broken plugins: refused at installation or unregistered when they throw; the machine goes on unchanged. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PluginFailureTest {

    private static RandomProgramDifferentialTest.Run boot(boolean jit) {
        byte[] code = new Assembler(64).assemble(RandomPrograms.program(64, 5, 900), RandomPrograms.RAM);
        return RandomProgramDifferentialTest.boot(64, 2, 50, code, 5, jit, 0);
    }

    /** Throws from its 100th instruction callback on. */
    static final class Thrower implements RewindPlugin {
        int calls;

        @Override
        public String name() {
            return "thrower";
        }

        @Override
        public void install(PluginContext ctx) {
            ctx.onTranslate(tb -> {
                for (int i = 0; i < tb.size(); i++) {
                    tb.insn(i).onExec((hart, time) -> {
                        if (++calls >= 100) {
                            throw new IllegalStateException("boom at " + time);
                        }
                    });
                }
            });
        }
    }

    @Test
    void aPluginThatThrowsIsReportedAndUnregisteredAndTheMachineGoesOn() {
        for (boolean jit : new boolean[] {false, true}) {
            var run = boot(jit);
            var bare = boot(jit);
            Thrower t = new Thrower();
            assertThat(run.m().plugins().install(t)).isEmpty();
            run.m().run(50_000);
            bare.m().run(50_000);
            assertThat(run.m().stateHash()).isEqualTo(bare.m().stateHash());
            assertThat(t.calls).isEqualTo(100);
            assertThat(run.m().plugins().active()).isFalse();
            assertThat(run.m().plugins().reports()).anySatisfy(r -> assertThat(r)
                    .contains("thrower", "failed and was unregistered", "boom at"));
        }
    }

    @Test
    void aPluginOfAnotherApiVersionIsRefusedWithBothRanges() {
        var run = boot(false);
        RewindPlugin future = new RewindPlugin() {
            @Override
            public String name() {
                return "future";
            }

            @Override
            public int apiVersionMin() {
                return 7;
            }

            @Override
            public int apiVersion() {
                return 9;
            }

            @Override
            public void install(PluginContext ctx) {
                throw new AssertionError("must not be installed");
            }
        };
        assertThat(run.m().plugins().install(future)).hasValueSatisfying(m -> assertThat(m)
                .contains("future", "refused", "7..9", "1..1"));
        assertThat(run.m().plugins().active()).isFalse();
    }

    @Test
    void handlesEndWithTheirCallbackAndCountersBelongToTheirMachine() {
        var run = boot(false);
        var other = boot(false);
        Counter[] foreign = new Counter[1];
        other.m().plugins().install(new RewindPlugin() {
            @Override
            public String name() {
                return "owner";
            }

            @Override
            public void install(PluginContext ctx) {
                foreign[0] = ctx.counter("c");
            }
        });
        Object[] kept = new Object[1];
        RewindPlugin p = new RewindPlugin() {
            @Override
            public String name() {
                return "misuser";
            }

            @Override
            public void install(PluginContext ctx) {
                ctx.onTranslate(tb -> {
                    kept[0] = tb;
                    tb.inlineAdd(foreign[0], 1);
                });
            }
        };
        run.m().plugins().install(p);
        run.m().run(1000);
        assertThat(run.m().plugins().reports()).anySatisfy(r -> assertThat(r).contains("misuser",
                "was not made by this machine's PluginContext"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ((dev.rewind.plugin.api.TranslationBlock) kept[0]).pc())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("after its translation callback");
    }
}
