package dev.rewind.emulator.jit;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RV64 narrow registers ({@link Narrow}: int locals for registers the region only ever writes with sign-extended
 * 32-bit values) translated against the interpreter in lockstep, bit for bit: loop-carried W results read in full
 * width (sums, compares, branches of all six kinds, unsigned ones on negative values), bitwise ops and SLT* in int
 * form, SRAI/SRLI/ANDI/LUI results, x0 as operand and rd, a register written narrow on one path and wide on another,
 * registers made wide by a trap handler and entering the region in the middle: one read in full width there (its
 * entries return to the interpreter), one that holds the wide value through exits until the region writes it, a
 * load that faults and an MMIO load (the UART) with narrow registers live, stores of narrow values; exits anywhere
 * (the lockstep's growing budgets), snapshots. Mutations each fail it: write-backs zero-extending, write-backs
 * ignoring the flag, entries not checking it.
 */
class NarrowDifferentialTest {

    private static final long D = MachineConfig.RAM_BASE + 0x40000;

    /** Loop bodies, each one region (a loop over a few hundred bytes of bytecode: not cut). */
    static final String[] BODIES = {
        // loop-carried W results (a1 is never written: a wide long read through its low word), full-width reads
        "addw s2,s2,a1\naddiw s3,s3,7\nmulw s4,s4,s3\naddiw s4,s4,1\nsubw s5,s5,s2\n"
            + "sllw a2,s2,s3\nsrlw a3,s5,s3\nsraw a4,s4,s2\nsraiw a5,s5,3\nsrliw a6,s2,5\nslliw a7,s3,9\n"
            + "add s0,s0,a2\nxor s0,s0,a3\nadd s0,s0,a4\nxor s0,s0,a5\nadd s0,s0,a6\nxor s0,s0,a7\n"
            + "addw zero,s2,s3\nmulw a0,zero,s2\nadd s0,s0,a0\nsraw a0,s2,zero\nadd s0,s0,a0\n"
            + "addiw a2,zero,-7\nxor s0,s0,a2\nslli t1,s0,13\nxor s0,s0,t1\n",
        // int forms of comparisons and bitwise ops on narrow values; narrow results of wide sources
        "addw s2,s2,a1\naddiw s3,s3,-3\nmulw s4,s4,s2\nsubw s5,s3,s4\n"
            + "slt t2,s2,s5\nsltu t3,s4,s2\nslti t4,s3,-5\nsltiu a0,s5,100\nadd s0,s0,t2\nadd s0,s0,t3\n"
            + "add s0,s0,t4\nadd s0,s0,a0\nxor s11,s11,s2\nand s10,s5,s2\nor s10,s10,s3\nxori s9,s9,0x555\n"
            + "ori s9,s9,16\nandi s9,s9,-3\nadd s0,s0,s11\nxor s0,s0,s10\nadd s0,s0,s9\n"
            + "andi a7,s0,0x7ff\nandi a6,s2,-16\nsrai a5,s4,7\nsrli a4,s0,40\nlui a3,0x80000\n"
            + "add s0,s0,a7\nxor s0,s0,a6\nadd s0,s0,a5\nxor s0,s0,a4\nadd s0,s0,a3\nslli t1,s0,7\nxor s0,s0,t1\n",
        // branches between narrow registers and x0
        branches(),
        // s6 narrow on one path, wide on the other (a long); s7 read in full width every round, written (a W op)
        // in round 200 only, after its loop's region formed; stores of narrow values and loads back
        "addw s2,s2,a1\naddiw s3,s3,5\nandi t1,s3,8\nbeq t1,zero,p1\nadd s6,s6,s0\njal zero,p2\np1:\n"
            + "addw s6,s6,s2\np2:\nxor s0,s0,s6\naddi t1,t0,-200\nbne t1,zero,p3\naddiw s7,s7,1\np3:\n"
            + "add s0,s0,s7\nsw s2,0(s1)\nsh s3,4(s1)\nsb s2,6(s1)\nlw a0,0(s1)\nlh a2,4(s1)\nlbu a3,6(s1)\n"
            + "lb a4,7(s1)\naddw a0,a0,a2\naddw a0,a0,a3\naddw a0,a0,a4\nadd s0,s0,a0\nslli t1,s0,13\n"
            + "xor s0,s0,t1\n",
        // an MMIO load (the UART's line status) and a load that faults (the handler skips it) with narrow
        // registers live
        "addw s2,s2,a1\naddiw s3,s3,5\nandi t1,t0,7\nbne t1,zero,p4\nlbu s8,5(tp)\naddw s8,s8,s2\n"
            + "add s0,s0,s8\np4:\nandi t1,t0,15\nbne t1,zero,p5\nlw s10,8(gp)\np5:\nadd s0,s0,s10\n"
            + "addw s10,s10,s3\nadd s0,s0,s2\nslli t1,s0,13\nxor s0,s0,t1\n",
        // an ecall in odd rounds whose handler makes a7 and s3 wide (a7 ^= s0, then s11 += a7; s3 ^= s0), returning
        // into the middle of the region (a branch target), which reads s3 in full there (the entry returns to the interpreter)
        // and writes a7 (narrow) only in its inner loop: exits before that (budgets, a faulting load in the same
        // rounds) must leave x[a7] as it was
        "addw s2,s2,a1\nandi t1,t0,1\nbeq t1,zero,p8\necall\np8:\nadd s0,s0,s3\naddw s3,s3,s2\nandi t1,t0,3\n"
            + "addi t1,t1,-1\nbne t1,zero,p6\nlw s10,8(gp)\np6:\naddi a6,zero,3\n"
            + "inner:\naddiw a5,a6,5\naddiw a7,a6,9\nmulw a5,a5,a7\nmulw a5,a5,s2\naddw a5,a5,s3\n"
            + "add s0,s0,a5\naddiw a6,a6,-1\n"
            + "bne a6,zero,inner\nslli t1,s0,13\nxor s0,s0,t1\n",
    };

    private static String branches() {
        StringBuilder sb = new StringBuilder("addw s2,s2,a1\naddiw s3,s3,-3\nmulw s4,s4,s2\nsubw s5,s3,s4\n");
        sb.append("xor s9,s9,s4\nxor s11,s11,s5\nandi a6,s2,-16\nandi s10,s3,0x7f0\n");
        String[] br = {"blt s2,s5", "bltu s4,s2", "bge s3,s5", "bgeu s5,s4", "beq s9,s11", "bne s2,zero",
            "blt s4,zero", "blt zero,s5", "bltu zero,s3", "bgeu a6,s10"};
        for (int i = 0; i < br.length; i++) {
            sb.append(br[i]).append(",b").append(i).append("\naddi s0,s0,").append(3 + i).append("\nb").append(i)
                    .append(":\nslli s0,s0,1\n");
        }
        return sb.toString();
    }

    static String program(int body) {
        // the handler skips the trapping instruction; loop 5's also makes a7 and s3 wide and adds a7 to s11
        String wide = body == 5 ? "xor a7,a7,s0\nadd s11,s11,a7\nxor s3,s3,s0\n" : "";
        StringBuilder sb = new StringBuilder(RandomPrograms.HANDLER_ENTRY + wide + RandomPrograms.HANDLER_SKIP);
        sb.append(".zero ").append(RandomPrograms.BODY - RandomPrograms.RAM - 4 * (wide.isEmpty() ? 15 : 18));
        sb.append('\n');
        // loop 1 starts its xor accumulators narrow; loop 2 leaves them wide (no write types them as 32-bit there:
        // they stay longs)
        sb.append("start:\n").append(body == 1 ? "addiw s9,s9,0\naddiw s11,s11,0\n" : "");
        sb.append("loop:\n").append(BODIES[body]).append(Lockstep.LOOP_EXIT);
        return sb.toString();
    }

    static Machine boot(int body, boolean jit, CollectingConsole console) {
        Machine m = new Machine(new MachineConfig(64, 1, 1 << 20, 1000), console, InputSource.none());
        m.setTranslation(jit, 50);                           // the whole loop hot: one region
        byte[] code = new Assembler(64).assemble(program(body), RandomPrograms.RAM);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        byte[] data = new byte[0x1000];
        new Random(31).nextBytes(data);
        m.writeMemory(D, data, 0, data.length);
        m.hart(0).setPc(RandomPrograms.RAM);
        Random r = new Random(7);
        for (int reg = 1; reg < 32; reg++) {
            m.hart(0).setReg(reg, r.nextLong());             // every register wide at the start
        }
        m.hart(0).setReg(3, 0x10);                           // gp: no memory there (a load faults)
        m.hart(0).setReg(4, MachineConfig.UART_BASE);        // tp
        m.hart(0).setReg(9, D);                              // s1: the data
        m.hart(0).setReg(5, 700);                            // t0: the loop's rounds
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        return m;
    }

    @ParameterizedTest(name = "loop {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void narrowRegistersRunIdenticallyTranslated(int body) {
        Lockstep.loopRunsToExit((jit, console) -> boot(body, jit, console), false);
    }
}
