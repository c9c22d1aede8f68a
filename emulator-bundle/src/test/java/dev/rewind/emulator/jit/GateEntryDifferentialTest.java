package dev.rewind.emulator.jit;

import dev.rewind.emulator.MachineConfig;
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
        SliceRuns.assertTranslatedAsInterpreted(xlen, program(), START, m -> m.hart(0).setReg(21, START + 4 * ARMS),
                101, 13, 200_000, 17, 13);
    }
}
