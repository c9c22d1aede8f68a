package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A function whose loop got hot in a region of its own first (100 rounds), then called from a hot outer loop: the
 * outer loop's region takes no copy of the callee's loop (the copy would be a loop made only of copies, which runs
 * whole in its own region already; nor its return, reached only through it; cf. {@link RegionCopyTest}, where the copy closes the outer loop and stays).
 * Time, registers and state hash match the interpreter's at every stop.
 */
class CopiedLoopTest {

    static final long START = MachineConfig.RAM_BASE + 0x100;

    static final String PROGRAM = """
            addi a1,zero,0
            lui a2,0x1
            addi t1,zero,100
            jal ra,inner
            outer: addi a1,a1,1
            addi t1,zero,6
            jal ra,inner
            add a7,a7,a0
            blt a1,a2,outer
            lui t6,0x100
            lui t5,0x5
            addi t5,t5,0x555
            sw t5,0(t6)
            inner: addi a0,a0,1
            xori a5,a0,7
            add a6,a6,a5
            addi t1,t1,-1
            blt zero,t1,inner
            jalr zero,0(ra)
            """;

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theCallersRegionTakesNoCopyOfTheCalleesLoop(int xlen) {
        List<List<Long>> results = new ArrayList<>();
        long[] counts = null;
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = new Machine(MachineConfig.defaults(xlen).withRamSize(1 << 20), ConsoleSink.discard(),
                    InputSource.none());
            m.setTranslation(jit, 20);
            byte[] code = new Assembler(xlen).assemble(PROGRAM, START);
            m.writeMemory(START, code, 0, code.length);
            m.hart(0).setPc(START);
            List<Long> out = new ArrayList<>();
            for (long n : new long[] {3_000, 7_777, 1_000_000}) {
                RunResult r = m.run(n);
                out.add(r.time());
                out.add(m.hart(0).reg(16));
                out.add(m.hart(0).reg(17));
                out.add(m.stateHash());
                if (jit && counts == null) {
                    counts = m.translationCounts();
                }
                if (n == 1_000_000) {
                    assertThat(r.reason()).isEqualTo(StopReason.EXITED);
                }
            }
            results.add(out);
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(counts[2]).as("failed translations").isZero();
        // with copies of such loops (-Drewind.jit.copyLoops=true) 6 blocks: the caller's region copies the callee's loop
        assertThat(counts[0]).as("regions: the callee's loop, the caller's, the callee's return").isEqualTo(3);
        assertThat(counts[1]).as("blocks: the callee's loop; the outer loop's head and return site; the return")
                .isEqualTo(4);
    }
}
