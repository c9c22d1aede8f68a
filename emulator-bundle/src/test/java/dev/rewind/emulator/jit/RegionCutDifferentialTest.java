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
 * A loop of {@link #BLOCKS} blocks with loads and stores, too large for one region's method: its region keeps the
 * longest prefix that fits ({@code cpu.RegionCut}), the rest forms another region. The guest patches the loop's
 * second instruction (store + fence.i), a debugger writes it, a breakpoint is set after it; time, registers and state
 * hashes match the interpreter's.
 */
class RegionCutDifferentialTest {

    static final int BLOCKS = 40;
    static final long START = PatchScenario.LOOP_START;
    /** The patched instruction: the loop's second ({@code addi a0,a0,1}). */
    static final long PATCHED = START + 6 * 4;

    static String program() {
        StringBuilder s = new StringBuilder("""
                addi a1,zero,0
                addi a2,zero,1500
                addi a3,zero,100
                auipc t4,0x80
                jal zero,loop
                loop: addi a1,a1,1
                addi a0,a0,1
                """);
        for (int k = 0; k < BLOCKS; k++) {
            s.append("""
                    lw t1,OFF(t4)
                    add a6,a6,t1
                    xor a6,a6,a1
                    sw a6,OFF(t4)
                    andi t2,a6,1
                    beq t2,zero,nK
                    nK: addi a7,a7,1
                    """.replace("OFF", Integer.toString(4 * k)).replace("K", Integer.toString(k)));
        }
        s.append("""
                bne a1,a3,skip
                sw a4,0(t0)
                """ + PatchScenario.LOOP_END);
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCutLoopRunsExactlyThroughPatchesDebuggerWritesAndBreakpoints(int xlen) {
        List<List<Long>> results = new ArrayList<>();
        long[] early = null;
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = PatchScenario.boot(xlen, jit, 20, program(), START, PATCHED, 5);
            long[][] counts = new long[1][];
            results.add(PatchScenario.run(m, xlen, PATCHED, 16, 8_000, x -> counts[0] = x.translationCounts()));
            if (jit) {
                early = counts[0];
                assertThat(m.translationCounts()[2]).as("failed translations").isZero();
            }
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(early[0]).as("the loop's blocks lie in more than one region (it was cut)").isGreaterThanOrEqualTo(2);
        assertThat(early[1]).as("blocks in regions: the whole loop").isGreaterThanOrEqualTo(BLOCKS);
        List<Long> ref = results.get(0);
        assertThat(ref.get(4) - ref.get(2)).as("the debugger's patch runs").isPositive();
    }
}
