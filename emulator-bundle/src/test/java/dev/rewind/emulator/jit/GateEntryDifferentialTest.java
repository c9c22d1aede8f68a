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
 * The entry gate of sparse regions ({@code BudgetPlan.GATE}: one budget check before the entry switch and before the
 * dispatch after an indirect jump, no per-block entry stubs): a loop of two-instruction blocks entered through an
 * indirect jump at any of eight of them (blocks without a check of their own), a chain longer than the check span and
 * a return to a call site, run in slices of every length from 1 to 101 instructions, so the slice loop enters the
 * region at every block with every budget (exhausted right at the entry, at the gate, one short of it) and the
 * indirect jump dispatches with every budget left; every slice stops at exactly the interpreter's instruction with
 * its registers, and a snapshot every 13th slice and the state hash agree.
 */
class GateEntryDifferentialTest {

    static final long START = MachineConfig.RAM_BASE + 0x100;

    /** The arms' start: instruction 9 of the program (s5 points there). */
    static final int ARMS = 9;

    static String program() {
        StringBuilder arms = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            arms.append("addi a3,a3,").append(i + 1).append("\nbeq a3,s6,out\n");
        }
        return """
                addi a1,zero,0
                lui a2,0x1
                addi s6,zero,-1
                loop: addi a1,a1,1
                andi t0,a1,7
                slli t0,t0,3
                add t0,t0,s5
                jal ra,pick
                jal zero,join
                """ + arms + """
                jalr zero,0(ra)
                pick: xori a4,a4,5
                jalr zero,0(t0)
                join: add a7,a7,a3
                andi t1,a1,3
                bne t1,zero,skip
                """ + "addi a0,a0,1\nbeq a0,s6,skip\n".repeat(20) + """
                skip: add a7,a7,a0
                blt a1,a2,loop
                out: lui t6,0x100
                lui t5,0x5
                addi t5,t5,0x555
                sw t5,0(t6)
                """;
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyEntryAndBudgetStopsAtTheInterpretersInstruction(int xlen) {
        List<List<Long>> results = new ArrayList<>();
        long[] counts = null;
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = new Machine(MachineConfig.defaults(xlen).withRamSize(1 << 20), ConsoleSink.discard(),
                    InputSource.none());
            m.setTranslation(jit, 20);
            m.setSparseBudgetChecks(true);
            byte[] code = new Assembler(xlen).assemble(program(), START);
            m.writeMemory(START, code, 0, code.length);
            m.hart(0).setPc(START);
            m.hart(0).setReg(21, START + 4 * ARMS);
            List<Long> out = new ArrayList<>();
            RunResult r = null;
            for (int k = 0; k < 200_000 && (r == null || r.reason() != StopReason.EXITED); k++) {
                if (k % 13 == 12) {
                    m.snapshot();
                }
                r = m.run(1 + k % 101);
                out.add(r.time());
                out.add(m.hart(0).pc());
                out.add(m.hart(0).reg(17));
                out.add(m.hart(0).reg(13));
                if (k % 61 == 0) {
                    out.add(m.stateHash());
                }
            }
            assertThat(r.reason()).isEqualTo(StopReason.EXITED);
            out.add(m.stateHash());
            if (jit) {
                counts = m.translationCounts();
            }
            results.add(out);
        }
        assertThat(results.get(1)).hasSameSizeAs(results.get(0));
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(counts[2]).as("failed translations").isZero();
        assertThat(counts[0]).as("regions").isPositive();
    }
}
