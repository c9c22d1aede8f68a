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
 * Regions spanning pages: a hot loop that crosses a page boundary and calls a function two pages on is translated
 * into regions over several pages; the guest patching the callee (store + fence.i, from the loop), a debugger write
 * into the callee and a breakpoint set in it after translation are all honoured exactly as by the interpreter
 * (time, registers and state hash compared at every stop).
 */
class CrossPageRegionTest {

    static final long RAM = MachineConfig.RAM_BASE;
    static final long START = RAM + 0xFE0;
    static final int NOPS = 1100;

    /** a1 counts to 0x3000; each round calls func (a0 += 1; a7 += a0 ^ 7); at a1 == 1000 the loop patches func. */
    static String program() {
        StringBuilder s = new StringBuilder("""
                addi a1,zero,0
                lui a2,0x3
                addi a3,zero,1000
                jal zero,loop
                loop: addi a1,a1,1
                jal ra,func
                bne a1,a3,skip
                sw a4,0(a6)
                """ + PatchScenario.LOOP_END);
        s.append("addi zero,zero,0\n".repeat(NOPS));
        s.append("""
                func: addi a0,a0,1
                xori a5,a0,7
                add a7,a7,a5
                jalr zero,0(ra)
                """);
        return s.toString();
    }

    static final long FUNC = START + 14 * 4 + NOPS * 4L;

    // the loop's head gets hot first (func and the rest of the loop are decoded by then): one region holds the loop
    // and func, on three pages
    static Machine boot(int xlen, boolean jit) {
        return PatchScenario.boot(xlen, jit, 50, program(), START, FUNC, 16);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void patchesDebuggerWritesAndBreakpointsAcrossPagesMatchTheInterpreter(int xlen) {
        assertThat(FUNC >>> 12).as("func two pages after the loop").isEqualTo((START >>> 12) + 2);
        List<List<Long>> results = new ArrayList<>();
        long multiPage = 0;
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = boot(xlen, jit);
            List<Long> out = PatchScenario.run(m, xlen, FUNC, 17, 2_500, x -> { });
            results.add(out);
            if (jit) {
                assertThat(m.translationCounts()[2]).as("failed translations").isZero();
                multiPage = m.translationCounts()[3];
            }
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(multiPage).as("regions on several pages").isPositive();
        List<Long> ref = results.get(0);
        assertThat(ref.get(2)).as("a0 after the guest's patch to +3").isGreaterThan(1000L + 3 * 1000L);
        assertThat(ref.get(4) - ref.get(2)).as("the debugger's patch to +5 runs").isPositive().isEqualTo(
                ref.get(4) - ref.get(2) - (ref.get(4) - ref.get(2)) % 5);
    }
}
