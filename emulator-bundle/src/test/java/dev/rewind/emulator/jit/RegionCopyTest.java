package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An inner loop runs 100 rounds before anything after it is decoded, so it gets hot in a region of its own; the outer
 * loop's region, translated later, holds a copy of it (a small block of another region, not a leaf), so each outer
 * round stays in one method. The inner loop lies two pages after the outer one: the guest patching it (store +
 * fence.i), a debugger write into it and a breakpoint set in it after translation must reach the copy too. Time,
 * registers and state hash match the interpreter's.
 */
class RegionCopyTest {

    static final long START = MachineConfig.RAM_BASE + 0x100;
    static final int NOPS = 2100;

    static String program() {
        StringBuilder s = new StringBuilder("""
                addi a1,zero,0
                lui a2,0x2
                addi a3,zero,1000
                addi t1,zero,100
                jal zero,inner
                outer: addi a1,a1,1
                addi t1,zero,6
                jal zero,inner
                back: add a7,a7,a0
                bne a1,a3,skip
                sw a4,0(t0)
                fence.i
                skip: blt a1,a2,outer
                lui t6,0x100
                lui t5,0x5
                addi t5,t5,0x555
                sw t5,0(t6)
                """);
        s.append("addi zero,zero,0\n".repeat(NOPS));
        s.append("""
                inner: addi a0,a0,1
                xori a5,a0,7
                add a6,a6,a5
                addi t1,t1,-1
                blt zero,t1,inner
                jal zero,back
                """);
        return s.toString();
    }

    static final long INNER = START + 17 * 4 + NOPS * 4L;

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theOuterLoopsCopyOfTheInnerLoopFollowsPatchesDebuggerWritesAndBreakpoints(int xlen) {
        assertThat((INNER >>> 12) - (START >>> 12)).as("inner loop two pages after the outer").isEqualTo(2);
        List<List<Long>> results = new ArrayList<>();
        long[] early = null;
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = PatchScenario.boot(xlen, jit, 20, program(), START, INNER, 5);
            long[][] counts = new long[1][];
            List<Long> out = PatchScenario.run(m, xlen, INNER, 16, 3_000, x -> counts[0] = x.translationCounts());
            if (jit) {
                early = counts[0];
                assertThat(m.translationCounts()[2]).as("failed translations").isZero();
            }
            results.add(out);
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(early[0]).as("regions: the inner loop's, the outer loop's").isEqualTo(2);
        // without the copy (-Drewind.jit.maxCopied=0) 5: the outer loop's region leaves to the inner one every round
        assertThat(early[1]).as("blocks: the inner loop; the outer loop's head, return site, back branch, the inner "
                + "loop's exit and a copy of the inner loop").isEqualTo(6);
        List<Long> ref = results.get(0);
        assertThat(ref.get(4) - ref.get(2)).as("the debugger's patch runs").isPositive();
    }
}
