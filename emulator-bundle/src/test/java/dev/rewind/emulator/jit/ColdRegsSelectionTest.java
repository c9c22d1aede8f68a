package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.isa.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which registers {@link ColdRegs} keeps in the hart's array: those an outer loop uses around a region's one innermost
 * loop; none when that loop uses fewer than a minimum of registers ({@link ColdRegs#MIN_HOT}, an experiment, default
 * any), none on RV32 by default.
 */
class ColdRegsSelectionTest {

    static final long PC = 0x8000_0000L;

    static BlockSpec block(long pc, int[] code, long[] imm) {
        int[] offs = new int[code.length + 1];
        for (int i = 0; i <= code.length; i++) {
            offs[i] = 4 * i;
        }
        return new BlockSpec(pc, code, imm, offs, pc + 4L * code.length, pc + 4L * code.length, false, null);
    }

    static int addi(int rd) {
        return Op.ADDI | rd << 8 | rd << 16;
    }

    /**
     * Outer block (x5..x8), an inner self-loop over {@code loopRegs} registers from x10 (closed by BNE x10), then an
     * outer tail (x5, x9) jumping back to the outer block.
     */
    static List<BlockSpec> nest(int loopRegs) {
        List<BlockSpec> out = new ArrayList<>();
        out.add(block(PC, new int[] {addi(5), addi(6), addi(7), addi(8)}, new long[4]));
        long inner = PC + 16;
        int n = Math.max(loopRegs, 4) + 1;
        int[] code = new int[n];
        for (int i = 0; i < n - 1; i++) {
            code[i] = addi(10 + i % Math.max(loopRegs, 1));
        }
        code[n - 1] = Op.BNE | 32 << 8 | 10 << 16;
        long[] imm = new long[n];
        imm[n - 1] = inner;
        out.add(block(inner, code, imm));
        long tail = inner + 4L * n;
        out.add(block(tail, new int[] {addi(5), addi(9), Op.JAL | 32 << 8}, new long[] {0, 0, PC}));
        return out;
    }

    static boolean[] cold(List<BlockSpec> blocks, boolean rv32, int minHot) {
        Map<Long, Integer> index = new HashMap<>();
        for (int k = 0; k < blocks.size(); k++) {
            index.put(blocks.get(k).pc(), k);
        }
        return ColdRegs.of(blocks, index, rv32, () -> PageCache.cycles(blocks, index), minHot);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void outerRegistersAreColdAroundTheLoop() {
        for (int loopRegs : new int[] {1, 3, 4}) {
            boolean[] cold = cold(nest(loopRegs), false, 0);
            for (int r = 5; r <= 9; r++) {
                assertThat(cold[r]).as("x%d, used only around a loop of %d registers", r, loopRegs).isTrue();
            }
            for (int r = 10; r < 10 + loopRegs; r++) {
                assertThat(cold[r]).as("x%d, a loop register", r).isFalse();
            }
            assertThat(cold(nest(loopRegs), true, 0)).as("RV32").doesNotContain(true);
        }
        assertThat(ColdRegs.of(nest(3), Map.of(), false, () -> PageCache.cycles(nest(3), Map.of())))
                .as("no loop: none").doesNotContain(true);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aMinimumOfLoopRegistersSparesSmallLoops() {
        assertThat(cold(nest(3), false, 4)).as("3 loop registers, minimum 4").doesNotContain(true);
        assertThat(cold(nest(4), false, 4)[5]).as("4 loop registers, minimum 4").isTrue();
    }
}
