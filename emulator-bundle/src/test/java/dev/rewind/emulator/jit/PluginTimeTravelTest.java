package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.isa.Assembler;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import dev.rewind.plugin.api.TimeTravelEvent;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live and replayed execution are told apart: after going back in time and forward again over the same history,
 * live callback counts and inline counters equal those of a machine that ran straight to the same time (every
 * instruction of the timeline counted once), replayed events were seen as replayed, and the replay was bracketed
 * by REPLAY_START/REPLAY_END with a LANDED after each reverse operation. Translator on and off.
 */
class PluginTimeTravelTest {

    @ParameterizedTest(name = "translation {0}")
    @ValueSource(booleans = {false, true})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void replayedExecutionIsFlaggedAndNotCountedTwice(boolean jit) {
        int xlen = 64;
        long seed = 77;
        byte[] code = new Assembler(xlen).assemble(RandomPrograms.program(xlen, seed, 900), RandomPrograms.RAM);
        var run = RandomProgramDifferentialTest.boot(xlen, 2, 100, code, seed, jit, 2);
        var straight = RandomProgramDifferentialTest.boot(xlen, 2, 100, code, seed, jit, 2);
        EventLogPlugin p = new EventLogPlugin();
        EventLogPlugin q = new EventLogPlugin();
        TimeMachine tm = new TimeMachine(run.m(), TravelConfig.defaults().withInterval(2_000));
        assertThat(run.m().plugins().install(p)).isEmpty();
        assertThat(straight.m().plugins().install(q)).isEmpty();

        tm.run(20_000);
        long t1 = tm.time();
        long live1 = p.live[EventLogPlugin.INSN];
        assertThat(live1).isPositive();
        tm.reverseStep(0);
        assertThat(p.travel[TimeTravelEvent.LANDED.ordinal()]).isEqualTo(1);
        assertThat(p.travel[TimeTravelEvent.REPLAY_START.ordinal()]).isGreaterThanOrEqualTo(1);
        assertThat(p.travel[TimeTravelEvent.REPLAY_END.ordinal()])
                .isEqualTo(p.travel[TimeTravelEvent.REPLAY_START.ordinal()]);
        assertThat(p.replayed[EventLogPlugin.INSN]).as("replayed instructions").isPositive();
        tm.goToTime(t1 / 2);
        assertThat(p.travel[TimeTravelEvent.LANDED.ordinal()]).isEqualTo(2);
        assertThat(p.live[EventLogPlugin.INSN]).as("going back counts nothing live").isEqualTo(live1);
        assertThat(p.insnInline.sum()).isEqualTo(live1);

        tm.runUntilTime(t1 + 15_000);
        straight.m().runUntilTime(t1 + 15_000);
        assertThat(tm.time()).isEqualTo(straight.m().time());
        assertThat(run.m().stateHash()).isEqualTo(straight.m().stateHash());
        for (int k = 0; k < 4; k++) {
            assertThat(p.live[k]).as("live events of kind " + k).isEqualTo(q.live[k]);
            assertThat(p.hash[k]).as("live events of kind " + k).isEqualTo(q.hash[k]);
        }
        for (int h = 0; h < 2; h++) {
            assertThat(p.insnInline.get(h)).isEqualTo(q.insnInline.get(h));
            assertThat(p.blockInline.get(h)).isEqualTo(q.blockInline.get(h));
        }
        assertThat(q.replayed[EventLogPlugin.INSN]).isZero();
        assertThat(run.m().plugins().replaying()).isFalse();
    }
}
