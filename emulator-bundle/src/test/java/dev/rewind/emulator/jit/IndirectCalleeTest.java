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
 * A loop calls a leaf function through a register (a function pointer, {@code jalr ra,0(t0)}) twice per round: the
 * loop's region takes the callee its interpreted runs saw ({@code JitControl.indirectCall}), so both calls and both
 * returns are dispatched inside it. The leaf lies two pages after the loop: the guest patching it (store + fence.i),
 * a debugger write into it and a breakpoint set in it after translation must reach the region's copy too. Time,
 * registers and state hashes match the interpreter's.
 */
class IndirectCalleeTest {

    static final long START = PatchScenario.LOOP_START;
    static final long LEAF = PatchScenario.LOOP_LEAF;

    static String program() {
        return PatchScenario.leafLoop("jalr ra,0(t0)");
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void callsThroughAPointerStayInTheLoopsRegionAndFollowPatches(int xlen) {
        assertThat((LEAF >>> 12) - (START >>> 12)).as("leaf two pages after the loop").isEqualTo(2);
        List<List<Long>> results = new ArrayList<>();
        long[] early = null;
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = PatchScenario.boot(xlen, jit, 20, program(), START, LEAF, 5);
            long[][] counts = new long[1][];
            results.add(PatchScenario.run(m, xlen, LEAF, 16, 3_000, x -> counts[0] = x.translationCounts()));
            if (jit) {
                early = counts[0];
                assertThat(m.translationCounts()[2]).as("failed translations").isZero();
            }
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        // (the leaf's region and the loop's: head, two return sites, the back branch and the leaf; 3 without callees)
        assertThat(early[1] - early[0]).as("blocks beyond one per region: the loop's region holds the leaf too")
                .isEqualTo(4);
        List<Long> ref = results.get(0);
        assertThat(ref.get(4) - ref.get(2)).as("the debugger's patch runs").isPositive();
    }
}
