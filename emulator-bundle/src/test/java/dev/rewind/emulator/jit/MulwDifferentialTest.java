package dev.rewind.emulator.jit;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RV64's MULW (and the SRAIW/ANDI/ADDW around it in CoreMark's matrix kernels) translated against the interpreter,
 * bit for bit: operands with arbitrary upper words (the product must ignore them), products that
 * overflow 32 bits in both directions, rd equal to an operand or to both, x0 as an operand and as rd, and the shapes
 * of CoreMark's matrix kernels (lh results, SRAW and ANDI bit fields, a loop-carried ADDW sum of MULW results), in a
 * loop whose registers keep changing their upper words.
 */
class MulwDifferentialTest {

    private static final long D = MachineConfig.RAM_BASE + 0x40000;

    static String program() {
        StringBuilder sb = new StringBuilder(RandomPrograms.HANDLER_CODE);
        sb.append(".zero ").append(RandomPrograms.BODY - RandomPrograms.RAM - 4 * 15).append('\n');
        sb.append("start:\nloop:\n");
        // plain operands with garbage upper words; rd = r1, rd = r2, rd = r1 = r2, x0 operand and x0 rd
        sb.append("mulw a0,s2,s3\nmulw a1,a0,a0\nmulw s4,s4,s5\nmulw s5,s6,s5\nmulw a2,zero,s2\nmulw zero,s2,s3\n");
        sb.append("add s0,s0,a0\nxor s0,s0,a1\nadd s0,s0,s4\nxor s0,s0,s5\nadd s0,s0,a2\n");
        // the matrix kernels: two lh, mulw, sraw/andi fields, mulw of the fields, an addw sum (loop-carried)
        sb.append("andi t1,s7,0x7FE\nadd t1,t1,s1\nlh a3,0(t1)\nlh a4,2(t1)\nmulw a5,a3,a4\n");
        sb.append("sraiw a6,a5,2\nsraiw a7,a5,5\nandi a6,a6,15\nandi a7,a7,127\nmulw a6,a6,a7\naddw s8,s8,a6\n");
        sb.append("addw s9,s9,a5\nmulw s10,s9,s8\nadd s0,s0,s10\n");
        // change the upper words: 64-bit shifts, adds and xors that carry into them
        sb.append("slli t2,s0,29\nxor s2,s2,t2\nadd s3,s3,s0\nsrli t2,s3,7\nxor s4,s4,t2\naddi s6,s6,-1999\n");
        sb.append("slli t2,s6,40\nadd s5,s5,t2\naddi s7,s7,18\n");
        sb.append(Lockstep.LOOP_EXIT);
        return sb.toString();
    }

    static Machine boot(boolean jit, CollectingConsole console) {
        Machine m = new Machine(new MachineConfig(64, 1, 1 << 20, 1000), console, InputSource.none());
        m.setTranslation(jit, 0);
        byte[] code = new Assembler(64).assemble(program(), RandomPrograms.RAM);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        byte[] data = new byte[0x1000];
        new Random(29).nextBytes(data);
        m.writeMemory(D, data, 0, data.length);
        m.hart(0).setPc(RandomPrograms.RAM);
        m.hart(0).setReg(9, D);                              // s1: the data
        m.hart(0).setReg(18, 0x1234_5678_9ABC_DEF0L);        // s2
        m.hart(0).setReg(19, 0xFFFF_FFFF_8000_0001L);        // s3
        m.hart(0).setReg(20, 0x7FFF_FFFFL);                  // s4
        m.hart(0).setReg(21, -0x1_0000_0001L);               // s5
        m.hart(0).setReg(22, 0x0000_0001_0000_FFFFL);        // s6
        m.hart(0).setReg(23, 3);                             // s7
        m.hart(0).setReg(24, 0xDEAD_BEEF_0000_0000L);        // s8
        m.hart(0).setReg(25, Long.MIN_VALUE);                // s9
        m.hart(0).setReg(5, 400);                            // t0: the loop's rounds
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        return m;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mulwRunsIdenticallyTranslated() {
        Lockstep.loopRunsToExit(MulwDifferentialTest::boot, false);
    }
}
