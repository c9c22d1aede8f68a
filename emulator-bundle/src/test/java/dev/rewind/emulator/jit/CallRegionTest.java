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
 * A hot loop calling a function: the region translated from the loop's head holds the function and the call's return
 * site, on RV32 as on RV64 (RV32 once missed the return site: the link value, sign-extended, was taken for its
 * address, and the return site became a region of its own, entered after every call). Registers, time and state
 * hash match the interpreter's at every stop.
 */
class CallRegionTest {

    static final long START = MachineConfig.RAM_BASE + 0x100;

    static final String PROGRAM = """
            addi a1,zero,0
            lui a2,0x1
            jal zero,loop
            loop: addi a1,a1,1
            jal ra,func
            add a7,a7,a0
            blt a1,a2,loop
            lui t6,0x100
            lui t5,0x5
            addi t5,t5,0x555
            sw t5,0(t6)
            func: addi a0,a0,3
            xori a5,a0,7
            add a0,a0,a5
            jalr zero,0(ra)
            """;

    static Machine boot(int xlen, boolean jit) {
        Machine m = new Machine(MachineConfig.defaults(xlen).withRamSize(1 << 20), ConsoleSink.discard(),
                InputSource.none());
        m.setTranslation(jit, 20);
        byte[] code = new Assembler(xlen).assemble(PROGRAM, START);
        m.writeMemory(START, code, 0, code.length);
        m.hart(0).setPc(START);
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theLoopsRegionHoldsTheCalleeAndTheReturnSite(int xlen) {
        List<List<Long>> results = new ArrayList<>();
        long[] counts = null;
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = boot(xlen, jit);
            List<Long> out = new ArrayList<>();
            RunResult r = m.run(5_000);
            out.add(r.time());
            out.add(m.hart(0).reg(17));
            out.add(m.stateHash());
            if (jit) {
                counts = m.translationCounts();
            }
            r = m.run(1_000_000);
            assertThat(r.reason()).isEqualTo(StopReason.EXITED);
            out.add(r.time());
            out.add(m.hart(0).reg(10));
            out.add(m.hart(0).reg(17));
            out.add(m.stateHash());
            results.add(out);
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(counts[2]).as("failed translations").isZero();
        assertThat(counts[0]).as("regions after 5000 instructions").isEqualTo(1);
        assertThat(counts[1]).as("blocks of that region: loop head, callee, return site").isEqualTo(3);
    }
}
