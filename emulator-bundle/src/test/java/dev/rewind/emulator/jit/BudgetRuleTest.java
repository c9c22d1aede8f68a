package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.isa.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.objectweb.asm.Label;

/**
 * Which regions of a one-hart machine take sparse budget checks ({@link BudgetPlan#RULE}): by default those of short
 * blocks (a loop of them then checks only at its header); with the {@code calls} rule ({@link BudgetPlan#pays}) also
 * those with an indirect jump (calls' returns); a multi-hart plan (not sparse) always checks per block.
 */
class BudgetRuleTest {

    static final long PC = 0x8000_0000L;

    /** A loop of blocks of the given lengths, each falling through to the next, the last jumping back (JAL). */
    static List<BlockSpec> loop(boolean indirect, int... lengths) {
        List<BlockSpec> out = new ArrayList<>();
        long pc = PC;
        for (int k = 0; k < lengths.length; k++) {
            int n = lengths[k];
            int[] code = new int[n];
            long[] imm = new long[n];
            int[] offs = new int[n + 1];
            Arrays.fill(code, Op.ADDI | 10 << 8 | 10 << 16);
            for (int i = 0; i <= n; i++) {
                offs[i] = 4 * i;
            }
            boolean last = k == lengths.length - 1;
            if (last) {
                code[n - 1] = (indirect ? Op.JALR : Op.JAL) | 32 << 8 | 1 << 16;
                imm[n - 1] = indirect ? 0 : PC;
            }
            out.add(new BlockSpec(pc, code, imm, offs, pc + 4L * n, pc + 4L * n, false, null));
            pc += 4L * n;
        }
        return out;
    }

    static int checks(List<BlockSpec> blocks, boolean sparse) {
        Label[] labels = new Label[blocks.size()];
        Arrays.setAll(labels, k -> new Label());
        BudgetPlan p = new BudgetPlan(blocks, labels, sparse);
        return (int) Arrays.stream(p.check).filter(c -> c > 0).count();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shortBlocksTakeSparseChecksOtherRegionsKeepOnePerBlock() {
        List<BlockSpec> branchy = loop(false, 2, 3, 1, 2, 3);
        List<BlockSpec> straight = loop(false, 8, 6, 9, 7);
        List<BlockSpec> calls = loop(true, 8, 6, 9, 7);
        assertThat(BudgetPlan.pays(calls, 0)).as("calls rule: an indirect jump").isTrue();
        assertThat(BudgetPlan.pays(straight, 0)).isFalse();
        assertThat(BudgetPlan.pays(branchy, 0)).isFalse();
        assertThat(BudgetPlan.pays(branchy, 3.5)).as("short blocks, with a threshold").isTrue();
        assertThat(BudgetPlan.pays(straight, 3.5)).isFalse();
        assertThat(BudgetPlan.shortBlocks(branchy, BudgetPlan.SHORT)).as("default threshold").isTrue();
        assertThat(BudgetPlan.shortBlocks(calls, BudgetPlan.SHORT)).isFalse();
        assertThat(checks(branchy, true)).as("short blocks: sparse, only the loop's header").isEqualTo(1);
        assertThat(checks(calls, true)).as("an indirect jump alone: one per block (default rule)").isEqualTo(4);
        assertThat(checks(straight, true)).as("long blocks: one per block").isEqualTo(4);
        assertThat(checks(branchy, false)).as("not sparse (multi-hart)").isEqualTo(5);
    }

    /**
     * The entry gate ({@link BudgetPlan#GATE}): a gated plan sends entries to the blocks' own labels, and a gate asks
     * for the most any unchecked target's entry asks for; a region at the short-block limit ({@code wide}) is gated
     * sparse whatever its blocks' lengths; a one-block region (no entry switch, no gate) keeps its entry check.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void gatedPlansEnterAtLabelsBehindOneCheckForTheMostAnyEntryAsks() {
        List<BlockSpec> branchy = loop(false, 2, 3, 1, 2, 3);
        Label[] labels = new Label[branchy.size()];
        Arrays.setAll(labels, k -> new Label());
        BudgetPlan p = new BudgetPlan(branchy, labels, true);
        int[] all = {0, 1, 2, 3, 4};
        int most = 0;
        for (int k : all) {
            most = Math.max(most, p.check[k] == 0 ? p.enter[k] : 0);
        }
        assertThat(p.gated).isEqualTo(BudgetPlan.GATE);
        if (BudgetPlan.GATE) {
            assertThat(p.entry).as("entries at the blocks' labels").containsExactly(labels);
            assertThat(p.gate(all)).as("the most an unchecked entry asks for").isEqualTo(most).isPositive();
            assertThat(p.gate(new int[] {0})).as("the loop's header checks at its label").isZero();
            List<BlockSpec> straight = loop(false, 8, 6, 9, 7);
            Label[] l2 = new Label[straight.size()];
            Arrays.setAll(l2, k -> new Label());
            BudgetPlan wide = new BudgetPlan(straight, l2, true, true);
            assertThat(wide.gated).as("wide: gated sparse").isEqualTo(BudgetPlan.WIDE_SPARSE);
            assertThat(new BudgetPlan(straight, l2, false, true).gated).as("multi-hart: per block").isFalse();
            List<BlockSpec> single = List.of(new BlockSpec(PC, new int[] {Op.ADDI | 10 << 8 | 10 << 16, Op.ADDI},
                    new long[2], new int[] {0, 4, 8}, PC + 8, PC + 8, false, null));
            Label[] l1 = {new Label()};
            BudgetPlan b1 = new BudgetPlan(single, l1, true);
            assertThat(b1.gated).as("one block: no gate").isFalse();
            assertThat(b1.entry[0]).as("one block: its entry check").isNotSameAs(l1[0]);
        }
    }
}
