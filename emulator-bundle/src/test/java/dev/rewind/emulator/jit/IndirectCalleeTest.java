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
 * A loop calls a leaf function through a register (a function pointer, {@code jalr ra,0(t0)}) twice per round: the
 * loop's region takes the callee its interpreted runs saw ({@code JitControl.indirectCall}), so both calls and both
 * returns are dispatched inside it. The leaf lies two pages after the loop: the guest patching it (store + fence.i),
 * a debugger write into it and a breakpoint set in it after translation must reach the region's copy too. Time,
 * registers and state hashes match the interpreter's.
 */
class IndirectCalleeTest {

    static final long START = MachineConfig.RAM_BASE + 0x100;
    static final int NOPS = 2100;

    static String program() {
        StringBuilder s = new StringBuilder("""
                addi a1,zero,0
                lui a2,0x2
                addi a3,zero,1000
                jal zero,loop
                loop: addi a1,a1,1
                jalr ra,0(t0)
                add a7,a7,a0
                jalr ra,0(t0)
                xor a6,a6,a0
                bne a1,a3,skip
                sw a4,0(t0)
                fence.i
                skip: blt a1,a2,loop
                lui t6,0x100
                lui t5,0x5
                addi t5,t5,0x555
                sw t5,0(t6)
                """);
        s.append("addi zero,zero,0\n".repeat(NOPS));
        s.append("""
                leaf: addi a0,a0,1
                xori a5,a0,7
                add a6,a6,a5
                jalr zero,0(ra)
                """);
        return s.toString();
    }

    static final long LEAF = START + 17 * 4 + NOPS * 4L;

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
