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
 * A loop calls through a function pointer (s2) that points to leaf A when its region is formed, to leaf B from round
 * 1000 and to leaf C from round 2000: the region is translated again with B, then with C ({@code cpu.IndirectCallees}),
 * so the calls stay inside. At round 1500 the guest patches B (store + fence.i), which must reach the region that
 * holds it. Time, registers and state hashes match the interpreter's at every step.
 */
class NewCalleeTest {

    static final long START = MachineConfig.RAM_BASE + 0x100;

    static final String PROGRAM = """
            addi a1,zero,0
            lui a2,0x2
            addi a3,zero,1000
            jal zero,loop
            loop: addi a1,a1,1
            jalr ra,0(s2)
            add a7,a7,a0
            bne a1,a3,next
            addi s2,s3,0
            addi s3,s4,0
            addi a3,a3,1000
            next: bne a1,t0,skip
            sw a4,0(s5)
            fence.i
            skip: blt a1,a2,loop
            lui t6,0x100
            lui t5,0x5
            addi t5,t5,0x555
            sw t5,0(t6)
            leafa: addi a0,a0,1
            jalr zero,0(ra)
            leafb: xori a0,a0,5
            jalr zero,0(ra)
            leafc: addi a0,a0,7
            slli a0,a0,1
            jalr zero,0(ra)
            """;

    static final long LEAF_A = START + 19 * 4;

    static Machine boot(int xlen, boolean jit) {
        Machine m = new Machine(MachineConfig.defaults(xlen).withRamSize(1 << 20), ConsoleSink.discard(),
                InputSource.none());
        m.setTranslation(jit, 20);
        Assembler asm = new Assembler(xlen);
        byte[] code = asm.assemble(PROGRAM, START);
        m.writeMemory(START, code, 0, code.length);
        m.hart(0).setPc(START);
        m.hart(0).setReg(18, LEAF_A);
        m.hart(0).setReg(19, LEAF_A + 8);
        m.hart(0).setReg(20, LEAF_A + 16);
        m.hart(0).setReg(21, LEAF_A + 8);
        m.hart(0).setReg(5, 1500);
        m.hart(0).setReg(14, asm.encode("addi a0,a0,-3", LEAF_A + 8));
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRegionTakesCalleesItMeetsLaterAndFollowsTheirPatches(int xlen) {
        List<List<Long>> results = new ArrayList<>();
        long[] counts = null;
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = boot(xlen, jit);
            List<Long> out = new ArrayList<>();
            for (long n : new long[] {5_000, 9_000, 12_000, 15_000, 20_000}) {
                RunResult r = m.run(n);
                out.add(r.time());
                out.add(m.hart(0).reg(10));
                out.add(m.hart(0).reg(17));
                out.add(m.stateHash());
            }
            RunResult r = m.run(1_000_000);
            assertThat(r.reason()).isEqualTo(StopReason.EXITED);
            out.add(r.time());
            out.add(m.hart(0).reg(17));
            out.add(m.stateHash());
            results.add(out);
            if (jit) {
                counts = m.translationCounts();
                assertThat(counts[2]).as("failed translations").isZero();
            }
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        // (the loop's region translated again with B, then with C: 22 blocks in all; 12 without, the calls leaving)
        assertThat(counts[1]).as("blocks translated").isEqualTo(22);
    }
}
