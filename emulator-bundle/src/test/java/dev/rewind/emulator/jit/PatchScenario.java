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
import java.util.function.Consumer;

/**
 * The run the code-change tests share: a loop calls a function on another page and patches it itself at a1 == 1000
 * (store + fence.i); then a debugger write into the function, a breakpoint in it, and on to the guest's exit. What
 * each step left (times, a0, the sum register, state hashes) is compared between the interpreter and the translator.
 */
public final class PatchScenario {

    private PatchScenario() {
    }

    /** {@link #leafLoop}'s start, and its leaf (two pages after the loop). */
    static final long LOOP_START = MachineConfig.RAM_BASE + 0x100;
    static final int NOPS = 2100;
    /**
     * The end of the patching loops of the region tests: after the patch store (at a1 == a3) a fence.i, the loop while
     * a1 < a2, then the test finisher's exit (0x5555 at 0x100000).
     */
    public static final String LOOP_END = """
            fence.i
            skip: blt a1,a2,loop
            lui t6,0x100
            lui t5,0x5
            addi t5,t5,0x555
            sw t5,0(t6)
            """;
    static final long LOOP_LEAF = LOOP_START + 17 * 4 + NOPS * 4L;

    /**
     * A loop that calls a leaf function (at {@link #LOOP_LEAF}) twice per round through {@code call}
     * ({@code jal ra,leaf}, or {@code jalr ra,0(t0)} with t0 = the leaf), patches the leaf once (store of a4 +
     * fence.i) and then exits.
     */
    static String leafLoop(String call) {
        StringBuilder s = new StringBuilder("""
                addi a1,zero,0
                lui a2,0x2
                addi a3,zero,1000
                jal zero,loop
                loop: addi a1,a1,1
                CALL
                add a7,a7,a0
                CALL
                xor a6,a6,a0
                bne a1,a3,skip
                sw a4,0(t0)
                """.replace("CALL", call) + LOOP_END);
        s.append("addi zero,zero,0\n".repeat(NOPS));
        s.append("""
                leaf: addi a0,a0,1
                xori a5,a0,7
                add a6,a6,a5
                jalr zero,0(ra)
                """);
        return s.toString();
    }

    /**
     * A one-hart machine with {@code program} assembled at {@code start}, the pc there, a4 = the patch the guest writes
     * ({@code addi a0,a0,3} at {@code callee}) and register {@code addrReg} = {@code callee} (where the guest stores it).
     */
    static Machine boot(int xlen, boolean jit, int threshold, String program, long start, long callee, int addrReg) {
        Machine m = new Machine(MachineConfig.defaults(xlen).withRamSize(1 << 20), ConsoleSink.discard(),
                InputSource.none());
        m.setTranslation(jit, threshold);
        Assembler asm = new Assembler(xlen);
        byte[] code = asm.assemble(program, start);
        m.writeMemory(start, code, 0, code.length);
        m.hart(0).setPc(start);
        m.hart(0).setReg(14, asm.encode("addi a0,a0,3", callee));
        m.hart(0).setReg(addrReg, callee);
        return m;
    }

    /**
     * Runs the scenario on {@code m} ({@code first} instructions first, then {@code atFirst} sees the machine) and
     * returns its observations: [0] time and [1] hash after the first run, [2] a0 and [3] hash after the guest's
     * patch, [4] a0 and [5] hash after the debugger's, [6] time and [7] hash at the breakpoint, [8] exit time,
     * [9] a0, [10] the sum register, [11] hash at the exit.
     */
    static List<Long> run(Machine m, int xlen, long callee, int sumReg, long first, Consumer<Machine> atFirst) {
        List<Long> out = new ArrayList<>();
        RunResult r = m.run(first);
        out.add(r.time());
        out.add(m.stateHash());
        atFirst.accept(m);
        m.run(20_000);   // through the guest's patch at a1 == 1000 (the callee then adds 3)
        out.add(m.hart(0).reg(10));
        out.add(m.stateHash());
        m.writeMemory(callee, word(new Assembler(xlen).encode("addi a0,a0,5", callee)), 0, 4);
        m.run(3_000);
        out.add(m.hart(0).reg(10));
        out.add(m.stateHash());
        m.addBreakpoint(callee + 4);
        r = m.run(1_000_000);
        assertThat(r.reason()).isEqualTo(StopReason.BREAKPOINT);
        out.add(r.time());
        out.add(m.stateHash());
        m.removeBreakpoint(callee + 4);
        r = m.run(1_000_000);
        assertThat(r.reason()).isEqualTo(StopReason.EXITED);
        out.add(r.time());
        out.add(m.hart(0).reg(10));
        out.add(m.hart(0).reg(sumReg));
        out.add(m.stateHash());
        return out;
    }

    static byte[] word(int w) {
        return new byte[] {(byte) w, (byte) (w >>> 8), (byte) (w >>> 16), (byte) (w >>> 24)};
    }
}
