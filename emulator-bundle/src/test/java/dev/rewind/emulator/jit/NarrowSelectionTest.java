package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.ColdRegsSelectionTest.block;
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
 * Which RV64 registers {@link NarrowSelect} makes {@link Narrow} in int locals (every write of the region sign-extended 32 bits, given the
 * others; used by an innermost loop or read by such a write) and which entries check their flags ({@link
 * NarrowLive#checks}: read before written from there, or used by the entry's innermost loop).
 */
class NarrowSelectionTest {

    static final long PC = 0x8000_0000L;

    static int op(int op, int rd, int r1, int r2) {
        return op | rd << 8 | r1 << 16 | r2 << 24;
    }

    /** A head block, then a self-loop of {@code body} (closed by BNE x10, x0) and a tail jumping back to the head. */
    static List<BlockSpec> region(int[] head, long[] headImm, int[] body, long[] bodyImm) {
        List<BlockSpec> out = new ArrayList<>();
        out.add(block(PC, head, headImm));
        long loop = PC + 4L * head.length;
        int[] code = java.util.Arrays.copyOf(body, body.length + 1);
        code[body.length] = op(Op.BNE, 32, 10, 0);
        long[] imm = java.util.Arrays.copyOf(bodyImm, body.length + 1);
        imm[body.length] = loop;
        out.add(block(loop, code, imm));
        long tail = loop + 4L * code.length;
        out.add(block(tail, new int[] {op(Op.ADDI, 5, 5, 0), op(Op.JAL, 32, 0, 0)}, new long[] {-1, PC}));
        return out;
    }

    static Map<Long, Integer> index(List<BlockSpec> blocks) {
        Map<Long, Integer> index = new HashMap<>();
        for (int k = 0; k < blocks.size(); k++) {
            index.put(blocks.get(k).pc(), k);
        }
        return index;
    }

    static boolean[] narrow(List<BlockSpec> blocks, boolean rv32) {
        return narrow(blocks, rv32, 0);
    }

    /** The narrow registers when those of {@code wide} are kept wide (a translation again: cpu.NarrowRetry). */
    static boolean[] narrow(List<BlockSpec> blocks, boolean rv32, int wide) {
        Map<Long, Integer> index = index(blocks);
        return NarrowSelect.select(blocks, index, rv32, new boolean[33], () -> PageCache.cycles(blocks, index), wide,
                false);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aByteCounterIsNoNarrowRegisterNorAreRegistersKeptWide() {
        // loop: x11 += x12 (W), x12 = x12 ^ x11 (narrow by x11), x13 -= x11 (W); x10 counted down in a byte
        int[] body = {op(Op.ADDW, 11, 11, 12), op(Op.XOR, 12, 12, 11), op(Op.SUBW, 13, 13, 11),
            op(Op.LW, 12, 9, 0), op(Op.ADDIW, 10, 10, 0), op(Op.ANDI, 10, 10, 0)};
        long[] imm = {0, 0, 0, 8, -1, 255};
        List<BlockSpec> r = region(new int[] {op(Op.ADDI, 9, 9, 0)}, new long[] {4}, body, imm);
        boolean[] n = narrow(r, false);
        assertThat(n[11] && n[12] && n[13]).as("x11, x12, x13").isTrue();
        assertThat(n[10]).as("the counter (addiw x10, x10, -1; andi x10, x10, 255; bne x10)").isFalse();
        boolean[] w = narrow(r, false, 1 << 11);
        assertThat(w[11]).as("x11, kept wide").isFalse();
        assertThat(w[12]).as("x12, narrow only through x11").isFalse();
        assertThat(w[13]).as("x13 (a W op)").isTrue();
        assertThat(narrow(r, false, -1)).as("all kept wide").doesNotContain(true);
        // the consumer rule (NarrowUse): x11 read in int form by ADDW and SUBW, in long form by ADD twice and as an
        // address once: long
        int[] mixed = {op(Op.ADDW, 11, 11, 12), op(Op.SUBW, 13, 13, 11), op(Op.ADD, 14, 14, 11),
            op(Op.ADD, 15, 15, 11), op(Op.LD, 16, 11, 0), op(Op.ADDIW, 10, 10, 0)};
        List<BlockSpec> m = region(new int[] {op(Op.ADDI, 9, 9, 0)}, new long[] {4}, mixed, new long[6]);
        Map<Long, Integer> index = index(m);
        assertThat(narrow(m, false)[11]).as("x11 without the rule").isTrue();
        assertThat(NarrowSelect.select(m, index, false, new boolean[33], () -> PageCache.cycles(m, index), 0, true)[11])
                .as("x11 with the consumer rule").isFalse();
        assertThat(NarrowSelect.select(m, index, false, new boolean[33], () -> PageCache.cycles(m, index), 0, true)[13])
                .as("x13 (read in int form only)").isTrue();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void registersWrittenOnlyNarrowAreNarrow() {
        // head: x11 = 0 (addi from x0), x12 = 5 (andi of wide x5), x13 = x5 >>> 33, x14 = x5 >>> 32 (wide),
        // x15 = x11 + 1 (addi, wide in general), x16 = lui 0x80000000 (fits), x17 = lui as a 64-bit value that does not
        int[] head = {op(Op.ADDI, 11, 0, 0), op(Op.ANDI, 12, 5, 0), op(Op.SRLI, 13, 5, 0), op(Op.SRLI, 14, 5, 0),
            op(Op.ADDI, 15, 11, 0), op(Op.LUI, 16, 0, 0), op(Op.LUI, 17, 0, 0)};
        long[] headImm = {0, 5, 33, 32, 1, -0x8000_0000L, 0x8000_0000L};
        // loop: W ops on all of them, x18 = x18 ^ x11 (narrow by x11), x19 = x19 + x11 (wide), x20 loaded (lw),
        // x21 = slt, x22 = x22 & x5 (wide x5), x10 counted by addiw
        int[] body = {op(Op.ADDW, 11, 11, 12), op(Op.ADDIW, 12, 12, 0), op(Op.MULW, 13, 13, 14),
            op(Op.SUBW, 14, 14, 15), op(Op.SRAIW, 15, 15, 0), op(Op.SLLW, 16, 16, 17), op(Op.SRLW, 17, 17, 16),
            op(Op.XOR, 18, 18, 11), op(Op.ADD, 19, 19, 11), op(Op.LW, 20, 9, 0), op(Op.SLT, 21, 20, 19),
            op(Op.AND, 22, 22, 5), op(Op.ADDIW, 10, 10, 0)};
        long[] bodyImm = {0, 1, 0, 0, 3, 0, 0, 0, 0, 8, 0, 0, -1};
        // the loop carries x11..x19, x22 (read before written) and x10 (its counter); x20, x21 are its temporaries
        boolean[] n = narrow(region(head, headImm, body, bodyImm), false);
        for (int r : new int[] {11, 12, 13, 16}) {
            assertThat(n[r]).as("x%d", r).isTrue();
        }
        assertThat(n[18]).as("x18, written only by a bitwise op (no write types it as 32-bit)").isFalse();
        for (int r : new int[] {5, 9, 14, 15, 17, 19, 22}) {
            assertThat(n[r]).as("x%d (a wide write)", r).isFalse();
        }
        assertThat(n[20] || n[21]).as("loop temporaries (written before read)").isFalse();
        assertThat(n[10]).as("the loop's counter (addiw x10, x10, -1; bne x10)").isFalse();
        assertThat(narrow(region(head, headImm, body, bodyImm), true)).as("RV32").doesNotContain(true);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void oneWideWriteOrAnUnusedLoopMakesARegisterWide() {
        int[] body = {op(Op.ADDW, 11, 11, 12), op(Op.ADDIW, 10, 10, 0)};
        long[] bodyImm = {0, -1};
        // x11 also written by a 64-bit add in the head: wide; x12 written narrow in the head only, read by the loop
        int[] head = {op(Op.ADD, 11, 5, 6), op(Op.ADDIW, 12, 7, 0), op(Op.ADDIW, 13, 7, 0)};
        boolean[] n = narrow(region(head, new long[3], body, bodyImm), false);
        assertThat(n[11]).as("x11, one wide write").isFalse();
        assertThat(n[12]).as("x12, read by the loop (not written there: a bound)").isTrue();
        assertThat(n[13]).as("x13, no loop uses it").isFalse();
        // no loop: none
        List<BlockSpec> straight = List.of(block(PC, new int[] {op(Op.ADDIW, 12, 7, 0), op(Op.ADDW, 13, 12, 12)},
                new long[2]));
        assertThat(narrow(straight, false)).doesNotContain(true);
        // a link that does not fit, a register written by a system instruction the interpreter runs
        List<BlockSpec> calls = region(new int[] {op(Op.ADDIW, 1, 0, 0)}, new long[1],
                new int[] {op(Op.ADDW, 1, 1, 10), op(Op.ADDIW, 10, 10, 0)}, new long[] {0, -1});
        calls.set(2, new BlockSpec(calls.get(2).pc(), new int[] {op(Op.ADDI, 5, 5, 0), op(Op.JAL, 1, 0, 0)},
                new long[] {-1, PC}, new int[] {0, 4, 8}, calls.get(2).pc() + 8, calls.get(2).pc() + 8, false, null));
        assertThat(narrow(calls, false)[1]).as("x1 = a link above 2^31").isFalse();
        List<BlockSpec> rare = region(new int[] {op(Op.CSRRS, 10, 0, 0)}, new long[] {0xC00}, body, bodyImm);
        rare.set(0, new BlockSpec(PC, rare.get(0).code(), rare.get(0).imm(), rare.get(0).offs(), PC + 4, PC + 4,
                true, null));
        assertThat(narrow(rare, false)[10]).as("x10 written by a CSR read").isFalse();
        assertThat(narrow(rare, false)[11]).as("x11").isTrue();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void entriesCheckWhatTheyMayReadAndTheirLoopUses() {
        // head: x12 read first; loop A: x11 += x13, x12 += x11; loop B: x13 loaded, counter x10, back to A; tail
        long a = PC + 4;
        long b = a + 8;
        long t = b + 12;
        List<BlockSpec> blocks = new ArrayList<>();
        blocks.add(block(PC, new int[] {op(Op.ADDIW, 12, 12, 0)}, new long[] {1}));
        blocks.add(block(a, new int[] {op(Op.ADDW, 11, 11, 13), op(Op.ADDW, 12, 12, 11)}, new long[2]));
        blocks.add(block(b, new int[] {op(Op.LW, 13, 9, 0), op(Op.ADDIW, 10, 10, 0), op(Op.BNE, 32, 10, 0)},
                new long[] {0, -1, a}));
        blocks.add(block(t, new int[] {op(Op.ADDI, 5, 5, 0), op(Op.JAL, 32, 0, 0)}, new long[] {-1, PC}));
        Map<Long, Integer> index = index(blocks);
        boolean[] n = narrow(blocks, false);
        assertThat(n[11] && n[12] && n[13]).as("x11, x12, x13 carried").isTrue();
        assertThat(n[10]).as("the counter").isFalse();
        int[] live = NarrowLive.liveIn(blocks, index, n);
        assertThat(live[0] & (1 << 11 | 1 << 12 | 1 << 13)).as("head").isEqualTo(1 << 11 | 1 << 12 | 1 << 13);
        assertThat(live[2] & 1 << 13).as("x13 written first in B").isZero();
        assertThat(live[2] & (1 << 11 | 1 << 12)).as("B").isEqualTo(1 << 11 | 1 << 12);
        int[] checks = NarrowLive.checks(blocks, index, n, PageCache.cycles(blocks, index));
        assertThat(checks[2] & 1 << 13).as("x13 at B: used by B's loop").isNotZero();
        assertThat(checks[3]).as("the tail (no loop): what it may read").isEqualTo(live[3]);
    }
}
