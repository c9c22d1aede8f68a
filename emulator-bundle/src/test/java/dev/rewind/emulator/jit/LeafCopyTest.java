package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A leaf function called twice per round of a loop gets hot (and its own region) first; the loop's region then holds
 * a copy of it, so the calls and returns stay inside. The leaf lies two pages after the loop: the guest patching it
 * (store + fence.i, from the loop), a debugger write into it and a breakpoint set in it after translation must reach
 * the copy too (its region dies with the leaf's page). Time, registers and state hash match the interpreter's.
 */
class LeafCopyTest {

    static final long START = PatchScenario.LOOP_START;
    static final long LEAF = PatchScenario.LOOP_LEAF;

    static String program() {
        return PatchScenario.leafLoop("jal ra,leaf");
    }

    static Machine boot(int xlen, boolean jit) {
        return PatchScenario.boot(xlen, jit, 20, program(), START, LEAF, 5);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theLoopsCopyOfTheLeafFollowsPatchesDebuggerWritesAndBreakpoints(int xlen) {
        assertThat((LEAF >>> 12) - (START >>> 12)).as("leaf two pages after the loop").isEqualTo(2);
        List<List<Long>> results = new ArrayList<>();
        long[] early = null;
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = boot(xlen, jit);
            long[][] counts = new long[1][];
            List<Long> out = PatchScenario.run(m, xlen, LEAF, 16, 3_000, x -> counts[0] = x.translationCounts());
            if (jit) {
                early = counts[0];
            }
            results.add(out);
            if (jit) {
                assertThat(m.translationCounts()[2]).as("failed translations").isZero();
            }
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(early[0]).as("regions: the leaf's, the loop's").isEqualTo(2);
        assertThat(early[1]).as("blocks: the leaf; the loop head, two return sites, the back branch and a copy of the leaf")
                .isEqualTo(6);
        List<Long> ref = results.get(0);
        assertThat(ref.get(4) - ref.get(2)).as("the debugger's patch runs").isPositive();
    }
}
