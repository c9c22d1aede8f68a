package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.isa.Assembler;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditional callbacks ({@code onExecIf}), whose test translated code emits inline while it calls the plugin's
 * callback unconditionally otherwise: hits per hart and condition, their times and pcs, and the counters equal
 * interpreted and translated, on random programs (traps, MMIO cuts, atomics), live and replayed after time travel.
 */
class CondCallbackDifferentialTest {

    @ParameterizedTest(name = "RV{0}, {1} harts, quantum {2}, seed {3}")
    @CsvSource({"32, 1, 1000, 21", "64, 4, 3, 22", "64, 2, 50, 23", "32, 4, 7, 24"})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void hitsAgreeInterpretedAndTranslated(int xlen, int harts, int quantum, long seed) {
        byte[] code = new Assembler(xlen).assemble(RandomPrograms.program(xlen, seed, 900), RandomPrograms.RAM);
        var ref = RandomProgramDifferentialTest.boot(xlen, harts, quantum, code, seed, false, 0);
        var j0 = RandomProgramDifferentialTest.boot(xlen, harts, quantum, code, seed, true, 0);
        var j2 = RandomProgramDifferentialTest.boot(xlen, harts, quantum, code, seed, true, 2);
        CondPlugin a = new CondPlugin(harts);
        CondPlugin b = new CondPlugin(harts);
        CondPlugin c = new CondPlugin(harts);
        assertThat(ref.m().plugins().install(a)).isEmpty();
        assertThat(j0.m().plugins().install(b)).isEmpty();
        assertThat(j2.m().plugins().install(c)).isEmpty();
        long chunk = 1;
        for (int point = 0; point < 30; point++) {
            RunResult r = ref.m().run(chunk);
            String where = "point " + point + " time " + r.time();
            assertThat(j0.m().run(chunk)).as(where).isEqualTo(r);
            assertThat(j2.m().run(chunk)).as(where).isEqualTo(r);
            same(a, b, harts, where);
            same(a, c, harts, where);
            if (r.reason() != StopReason.LIMIT_REACHED) {
                break;
            }
            chunk = Math.min(chunk * 2 + 3 + point % 5, 9_973 + point);
        }
        assertThat(j0.m().translationCounts()[1]).as("blocks translated").isPositive();
        assertThat(j0.m().translationCounts()[2]).as("failed translations").isZero();
        for (int h = 0; h < harts; h++) {
            long n = a.insns.get(h);
            assertThat(a.live[h][6]).as("unsigned LT -1 holds on every third instruction").isPositive();
            assertThat(a.live[h][7]).as("unsigned GT MIN_VALUE never holds").isZero();
            assertThat(a.live[h][8]).as("ALWAYS").isEqualTo(a.live[h][6]);
            assertThat(a.live[h][3]).as("EQ 777 at most once").isLessThanOrEqualTo(1);
            if (n > 6_000) {
                assertThat(a.live[h][5]).as("GT 5000 after 5000 instructions").isPositive();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"31", "32"})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void hitsAgreeLiveAndReplayedAfterTimeTravel(long seed) {
        int xlen = 64;
        int harts = 2;
        byte[] code = new Assembler(xlen).assemble(RandomPrograms.program(xlen, seed, 900), RandomPrograms.RAM);
        var ref = RandomProgramDifferentialTest.boot(xlen, harts, 100, code, seed, false, 0);
        var jit = RandomProgramDifferentialTest.boot(xlen, harts, 100, code, seed, true, 2);
        CondPlugin a = new CondPlugin(harts);
        CondPlugin b = new CondPlugin(harts);
        TimeMachine ta = new TimeMachine(ref.m(), TravelConfig.defaults().withInterval(2_000));
        TimeMachine tb = new TimeMachine(jit.m(), TravelConfig.defaults().withInterval(2_000));
        assertThat(ref.m().plugins().install(a)).isEmpty();
        assertThat(jit.m().plugins().install(b)).isEmpty();
        ta.run(20_000);
        tb.run(20_000);
        same(a, b, harts, "live run");
        long t1 = ta.time();
        ta.reverseStep(0);
        tb.reverseStep(0);
        assertThat(tb.time()).isEqualTo(ta.time());
        ta.goToTime(t1 / 2);
        tb.goToTime(t1 / 2);
        same(a, b, harts, "after going back");
        ta.runUntilTime(t1 + 15_000);
        tb.runUntilTime(t1 + 15_000);
        assertThat(jit.m().stateHash()).isEqualTo(ref.m().stateHash());
        same(a, b, harts, "after replaying forward and running on");
        long replayedHits = 0;
        for (int h = 0; h < harts; h++) {
            for (int k = 0; k < CondPlugin.CONDS; k++) {
                replayedHits += a.replayed[h][k];
            }
        }
        assertThat(replayedHits).as("replayed execution called back").isPositive();
        assertThat(jit.m().translationCounts()[1]).as("blocks translated").isPositive();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aConditionOnAnotherMachinesCounterIsRefused() {
        byte[] code = new Assembler(64).assemble(RandomPrograms.program(64, 5, 100), RandomPrograms.RAM);
        var one = RandomProgramDifferentialTest.boot(64, 1, 100, code, 5, true, 0);
        var two = RandomProgramDifferentialTest.boot(64, 1, 100, code, 5, true, 0);
        CondPlugin p = new CondPlugin(1);
        assertThat(one.m().plugins().install(p)).isEmpty();
        var q = new dev.rewind.plugin.api.RewindPlugin() {
            @Override
            public String name() {
                return "foreign";
            }

            @Override
            public void install(dev.rewind.plugin.api.PluginContext ctx) {
                ctx.onTranslate(tb -> tb.insn(0).onExecIf(p.insns, dev.rewind.plugin.api.Cond.EQ, 1, (h, t) -> { }));
            }
        };
        assertThat(two.m().plugins().install(q)).isEmpty();
        two.m().run(1_000);
        assertThat(two.m().plugins().reports()).anySatisfy(f -> assertThat(f).contains("was not made by"));
    }

    private static void same(CondPlugin a, CondPlugin b, int harts, String where) {
        for (int h = 0; h < harts; h++) {
            assertThat(b.live[h]).as(where + " live hits of hart " + h).containsExactly(a.live[h]);
            assertThat(b.replayed[h]).as(where + " replayed hits of hart " + h).containsExactly(a.replayed[h]);
            assertThat(b.insns.get(h)).as(where + " hart " + h).isEqualTo(a.insns.get(h));
            assertThat(b.mem.get(h)).as(where + " hart " + h).isEqualTo(a.mem.get(h));
            assertThat(b.blocks.get(h)).as(where + " hart " + h).isEqualTo(a.blocks.get(h));
        }
        assertThat(b.hash).as(where + " hit times and pcs").containsExactly(a.hash);
    }
}
