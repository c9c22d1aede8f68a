package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cold registers ({@code ColdRegs}: registers no block of a region's innermost loops uses live in the hart's array)
 * against the interpreter, bit for bit: an outer loop whose registers are all cold (s2..s11) around an inner loop of
 * its own (a0..a2), with RV32 values that overflow 32 bits in long arithmetic (the array must hold them sign-extended:
 * MULH reads them as longs), CSR instructions with cold source and destination registers (through the interpreter),
 * a load through a cold base that faults (the handler skips it; its cold destination keeps its value), slow-path stores
 * (snapshots make pages clean) and exits at every point (lockstep chunks, budget ends). Cold registers are RV64's
 * (the RV32 run checks the same program with register locals); the region of the outer loop has one innermost loop.
 */
class ColdRegsDifferentialTest {

    static String program() {
        return RandomPrograms.HANDLER_CODE + ".zero " + (RandomPrograms.BODY - RandomPrograms.RAM - 4 * 15) + "\n" + """
                start:
                lui s5,0x10
                addi s6,zero,400
                lui s7,0x7ffff
                addi s8,zero,16
                outer:
                addi s7,s7,0x7ff
                add s7,s7,s7
                add s9,s7,s5
                csrrs s2,minstret,zero
                csrrw zero,mepc,s9
                csrrs s4,mepc,zero
                lw s9,0(s8)
                sw s7,0(sp)
                addi a0,zero,3
                inner:
                add a1,a1,a0
                xor a2,a2,a1
                slli a3,a2,3
                addi a0,a0,-1
                bne a0,zero,inner
                add s10,s10,a2
                add s11,s11,s7
                mulh s3,s7,s11
                lw s4,0(sp)
                xor s3,s3,s4
                addi s6,s6,-1
                bne s6,zero,outer
                lui t6,0x100
                lui t5,0x5
                addi t5,t5,0x555
                sw t5,0(t6)
                """;
    }

    static Machine boot(int xlen, boolean jit, CollectingConsole console) {
        Machine m = new Machine(MachineConfig.defaults(xlen).withRamSize(1 << 20), console, InputSource.none());
        m.setTranslation(jit, 20);
        byte[] code = new Assembler(xlen).assemble(program(), RandomPrograms.RAM);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        m.hart(0).setPc(RandomPrograms.RAM);
        m.hart(0).setReg(2, RandomPrograms.RAM + 0x8000);
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        return m;
    }

    @ParameterizedTest(name = "RV{0}")
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void coldRegistersRunIdenticallyTranslated(int xlen) {
        CollectingConsole outRef = ConsoleSink.collecting();
        CollectingConsole outJit = ConsoleSink.collecting();
        Machine ref = boot(xlen, false, outRef);
        Machine jit = boot(xlen, true, outJit);
        Lockstep.Outcome o = Lockstep.run(ref, jit, 5000, 4, 2, 20_000);
        Lockstep.assertRanToExit(o, jit, outRef, outJit);
        assertThat(ref.hart(0).reg(22)).as("every round of the outer loop").isZero();
        for (int r = 1; r < 32; r++) {
            assertThat(jit.hart(0).reg(r)).as("x" + r).isEqualTo(ref.hart(0).reg(r));
        }
        assertThat(ref.hart(0).reg(27)).as("s11 summed").isNotZero();
    }
}
