package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import dev.rewind.emulator.jit.PatchScenario;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A loop calls through a function pointer (computed without a branch): leaf A for its first rounds (the loop's region
 * forms with A as its callee, {@link IndirectCallees}), leaf B afterwards, so the region leaves to B every round until its exit sample
 * ({@link ExitHeat}) finds B hot and forms the region again with B in it. The guest then patches B (store + fence.i):
 * the new region, which holds a copy of B, must die with it. Times, registers and state hashes match the interpreter's
 * at every step.
 */
class ExitHeatTest {

    static final long RAM = MachineConfig.RAM_BASE;
    static final long A = RAM + 4;
    static final long B = RAM + 12;
    static final long MAIN = RAM + 24;
    /** Rounds: A before 300, the patch of B at 40,960, the end at 49,152 (well after the warm calls and the sample). */
    static final String PROGRAM = """
            jal zero,main
            addi a0,a0,1
            jalr zero,0(ra)
            addi a0,a0,3
            xori a5,a0,7
            jalr zero,0(ra)
            main: auipc s0,0
            addi s0,s0,-20
            addi s1,s0,8
            addi a1,zero,0
            lui a2,0xc
            addi a3,zero,300
            lui s2,0xa
            loop: addi a1,a1,1
            slt t1,a3,a1
            slli t1,t1,3
            add t0,s0,t1
            jalr ra,0(t0)
            add a7,a7,a0
            bne a1,s2,skip
            sw a4,0(s1)
            """ + PatchScenario.LOOP_END;

    static byte[] code(int xlen) {
        byte[] c = new Assembler(xlen).assemble(PROGRAM, RAM);
        assertThat(c.length).isGreaterThan((int) (MAIN - RAM));
        return c;
    }

    static int patch(int xlen) {
        return new Assembler(xlen).encode("addi a0,a0,5", B);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theLoopsRegionTakesTheCalleeThatGotHotLaterAndMatchesTheInterpreter(int xlen) {
        List<List<Long>> results = new ArrayList<>();
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = new Machine(MachineConfig.defaults(xlen).withRamSize(1 << 20), ConsoleSink.discard(),
                    InputSource.none());
            m.setTranslation(jit, 20);
            byte[] c = code(xlen);
            m.writeMemory(RAM, c, 0, c.length);
            m.hart(0).setPc(MAIN);
            m.hart(0).setReg(14, patch(xlen));
            List<Long> out = new ArrayList<>();
            for (long step : new long[] {5_000, 200_000, 150_000, 250_000}) {
                RunResult r = m.run(step);
                out.add(r.time());
                out.add(m.hart(0).reg(10));
                out.add(m.hart(0).reg(17));
                out.add(m.stateHash());
            }
            RunResult r = m.run(10_000_000);
            assertThat(r.reason()).isEqualTo(StopReason.EXITED);
            out.add(r.time());
            out.add(m.hart(0).reg(10));
            out.add(m.hart(0).reg(17));
            out.add(m.stateHash());
            results.add(out);
            if (jit) {
                assertThat(m.translationCounts()[2]).as("failed translations").isZero();
            }
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
    }

    /** The slice loop alone: which blocks the loop's region holds before and after its exit sample. */
    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theRegionIsFormedAgainWithItsHotExitAndDiesWithItsPatch(int xlen) {
        PhysicalMemory mem = new PhysicalMemory(RAM, 1 << 20);
        CodeCache code = new CodeCache(mem, xlen);
        Hart h = new Hart(0, xlen);
        Bus bus = new Bus(mem, code, new Hart[] {h}, List.of(), ConsoleSink.discard());
        Interpreter in = new Interpreter(bus, code, mem, 1);
        in.jit.threshold = 20;
        byte[] c = code(xlen);
        mem.writeBytes(RAM, c, 0, c.length);
        h.setPc(MAIN);
        h.setReg(14, patch(xlen));
        long loop = MAIN + 7 * 4;
        long t = 0;
        t += TestMachines.slices(in, h, t, 20_000);
        Block head = code.lookup(loop);
        assertThat(head.jit).as("the loop's region").isNotNull();
        assertThat(pcs(head.jit)).as("A, the callee seen when it formed").contains(A).doesNotContain(B);
        // ~30,000 rounds with B: past the warm calls and the exit sample
        t += TestMachines.slices(in, h, t, 350_000 - t);
        JitCode again = code.lookup(loop).jit;
        assertThat(again).as("the loop's region, formed again").isNotNull();
        assertThat(pcs(again)).as("B, its hot exit, joined it").contains(B, A, loop);
        assertThat(in.jit.reformed()).isPositive();
        Block b = code.lookup(B);
        assertThat(b.regions).as("B's copy is registered for invalidation").contains(again);
        t += TestMachines.slices(in, h, t, 250_000);   // through the guest's patch of B
        assertThat(again.blocks[0].jit).as("the region died with B's page").isNotSameAs(again);
        assertThat(h.reg(10)).isPositive();
    }

    private static List<Long> pcs(JitCode j) {
        return Arrays.stream(j.blocks).map(x -> x.pc).toList();
    }
}
