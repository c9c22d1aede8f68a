package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import dev.rewind.emulator.isa.Op;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link LoopEntries}: a region's entry switch goes to its head, loop headers and blocks on no cycle directly, into
 * the middle of a loop through copies; a slice that ends mid-loop re-enters there through a copy, with the same times
 * and states as the interpreter (budget checks per block and sparse).
 */
class LoopEntriesTest {

    private static int w(int op, int rd, int r1, int r2) {
        return op | rd << 8 | r1 << 16 | r2 << 24;
    }

    /** A block of n instructions at pc whose last is {@code last} with target imm (others: ADDI). */
    private static BlockSpec block(long pc, int n, int last, long imm) {
        int[] code = new int[n];
        long[] imms = new long[n];
        int[] offs = new int[n + 1];
        for (int i = 0; i < n; i++) {
            code[i] = w(Op.ADDI, 10, 10, 0);
            offs[i + 1] = 4 * (i + 1);
        }
        code[n - 1] = w(last, 32, 10, 11);
        imms[n - 1] = imm;
        return new BlockSpec(pc, code, imms, offs, pc + 4L * n, 0, false, null);
    }

    private static boolean[] entries(List<BlockSpec> blocks) {
        Map<Long, Integer> index = new HashMap<>();
        for (int k = 0; k < blocks.size(); k++) {
            index.put(blocks.get(k).pc(), k);
        }
        return LoopEntries.direct(blocks, index);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void noEntryIntoTheMiddleOfALoop() {
        // work-mem's compare loop: head B (0x104, 4 insns, bne back to A), A (0x100: beq out, falls through to B),
        // C after the loop (0x114, on no cycle)
        BlockSpec b = block(0x104, 4, Op.BNE, 0x100);
        BlockSpec a = block(0x100, 1, Op.BEQ, 0x200);
        BlockSpec c = block(0x114, 2, Op.JAL, 0x300);
        assertThat(entries(List.of(b, a, c))).containsExactly(true, false, true);
        // the same loop reached from a head before it (0x0f0 falls through to A): A is then the loop's header, B not
        BlockSpec pre = block(0x0f0, 4, Op.ADDI, 0);
        assertThat(entries(List.of(pre, a, b, c))).containsExactly(true, true, false, true);
        // a self-loop and the block after it: both
        BlockSpec self = block(0x400, 3, Op.BNE, 0x400);
        BlockSpec after = block(0x40c, 1, Op.JALR, 0);
        assertThat(entries(List.of(self, after))).containsExactly(true, true);
        // matmul: an inner self-loop I, then T and P close an outer loop back to I: T and P are entered directly
        BlockSpec inner = block(0x500, 3, Op.BNE, 0x500);
        BlockSpec tail = block(0x50c, 2, Op.BNE, 0x4f0);
        BlockSpec pre2 = block(0x4f0, 4, Op.ADDI, 0);
        assertThat(entries(List.of(inner, tail, pre2))).containsExactly(true, true, true);
        // matmul-rv32's own shape: P (the setup and a first pass of the inner body, ends like I) closes a loop with T
        // on its own (P -> T -> P) besides the one through I: still the outer loop, entered directly
        BlockSpec first = block(0x4f0, 7, Op.BNE, 0x500);
        assertThat(entries(List.of(inner, tail, first))).containsExactly(true, true, true);
        // crc's bit loop: a diamond H -> (M) -> L -> H, one back edge: L (on the shortest cycle) through a copy; M, on
        // a longer cycle than H's, counts as an outer loop's block (entered directly)
        BlockSpec h = block(0x800, 4, Op.BGE, 0x814);
        BlockSpec m = block(0x810, 1, Op.ADDI, 0);
        BlockSpec l = block(0x814, 2, Op.BNE, 0x800);
        assertThat(entries(List.of(h, m, l))).containsExactly(true, true, false);
        // fib: a cycle through a call (JAL with a link register) is no loop
        BlockSpec fib = block(0x600, 1, Op.BEQ, 0x700);
        BlockSpec call = block(0x604, 2, Op.JAL, 0x600);
        call.code()[1] = w(Op.JAL, 1, 0, 0);
        assertThat(entries(List.of(fib, call))).containsExactly(true, true);
        call.code()[1] = w(Op.JAL, 32, 0, 0);
        assertThat(entries(List.of(fib, call))).containsExactly(true, false);
    }

    static final long START = MachineConfig.RAM_BASE + 0x100;

    /**
     * A loop of two blocks, entered at its second (body), which reaches the first (head) by a back edge and leaves it
     * to the block after it, which goes back to head through an indirect jump (so one-hart machines' sparse budget
     * checks apply to the region: its entries check the budget for the path to the next check).
     */
    static final String PROGRAM = """
            auipc s1,0
            lui a2,0x5
            addi a5,zero,0
            addi s2,s1,24
            addi s1,s1,56
            jal zero,body
            head: beq a5,a2,done
            body: addi a5,a5,1
            xori a6,a5,5
            add a7,a7,a6
            bne a6,zero,head
            addi t0,t0,1
            jalr zero,0(s2)
            done: jalr zero,0(s1)
            fin: lui t6,0x100
            lui t5,0x5
            addi t5,t5,0x555
            sw t5,0(t6)
            """;

    private static Machine boot(int xlen, boolean jit, boolean sparse, CollectingConsole console) {
        Machine m = new Machine(MachineConfig.defaults(xlen).withRamSize(1 << 20), console, InputSource.none());
        m.setTranslation(jit, 20);
        m.setSparseBudgetChecks(sparse);
        byte[] code = new Assembler(xlen).assemble(PROGRAM, START);
        m.writeMemory(START, code, 0, code.length);
        m.hart(0).setPc(START);
        return m;
    }

    @ParameterizedTest
    @CsvSource({"32,false", "32,true", "64,false", "64,true"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void slicesEndingMidLoopMatchTheInterpreter(int xlen, boolean sparse) {
        CollectingConsole outRef = ConsoleSink.collecting();
        CollectingConsole outJit = ConsoleSink.collecting();
        Machine ref = boot(xlen, false, sparse, outRef);
        Machine jit = boot(xlen, true, sparse, outJit);
        // chunks of 7, 8, 9, ... slots: slices end at every instruction of the loop, so the region is entered at
        // its head block too (the loop's middle: entered through a copy of it)
        Lockstep.Outcome o = Lockstep.run(ref, jit, 1200, 0, 1, 1 << 20);
        Lockstep.assertRanToExit(o, jit, outRef, outJit);
        assertThat(jit.hart(0).reg(17)).isEqualTo(ref.hart(0).reg(17)).isNotZero();
    }
}
