package dev.rewind.emulator.jit;

import dev.rewind.emulator.MachineConfig;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One-hart regions with sparse budget checks ({@code Machine.setSparseBudgetChecks}) check only at loop headers, at
 * entries and every 32 instructions of a path ({@code BudgetPlan}; the region takes them: its blocks are short,
 * {@code BudgetPlan.RULE}): a loop of short blocks, one arm a chain of 20 longer than that span, and an indirect jump,
 * run in slices of every length from 1
 * to 97 instructions (budgets ending in every block, mid-loop, at and next to the checks), stops at exactly the
 * interpreter's instruction with its registers and state hash; the translated machine must have run in regions.
 */
class SparseBudgetTest {

    static final long START = MachineConfig.RAM_BASE + 0x100;

    static String program() {
        return """
                addi a1,zero,0
                lui a2,0x1
                loop: addi a1,a1,1
                andi t0,a1,3
                beq t0,zero,even
                addi a3,a3,5
                xori a4,a4,3
                jal zero,join
                even: addi a5,a5,7
                add a6,a6,a1
                join: add a7,a7,a3
                sub a7,a7,a4
                andi t1,a1,7
                bne t1,zero,skip
                """ + "addi a0,a0,1\nbeq a0,zero,skip\n".repeat(20) + """
                skip: add a7,a7,a0
                auipc t3,0
                jalr zero,8(t3)
                blt a1,a2,loop
                lui t6,0x100
                lui t5,0x5
                addi t5,t5,0x555
                sw t5,0(t6)
                """;
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everySliceLengthStopsAtTheInterpretersInstruction(int xlen) {
        SliceRuns.assertTranslatedAsInterpreted(xlen, program(), START, m -> { }, 97, 0, 100_000, 17);
    }
}
