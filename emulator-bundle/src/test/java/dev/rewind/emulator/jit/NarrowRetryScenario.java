package dev.rewind.emulator.jit;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.Random;

/**
 * A loop whose region bails ({@code cpu.NarrowRetry}) every round: each round takes an ecall whose handler makes a
 * narrow register wide, s3 in the first {@link #ROUNDS}/2 rounds, s4 afterwards, and returns into the region headed at
 * {@link #HEAD} (the inner loop's, which holds the whole loop: a branch never taken jumps over the ecall), at the
 * block after the ecall, which reads both in full. With
 * narrowing on, the region is translated again without s3 during the first half and without any narrow register
 * during the second.
 */
public final class NarrowRetryScenario {
    private NarrowRetryScenario() {
    }

    /** Rounds of the loop (t0 counts them down). */
    public static final int ROUNDS = 1200;
    /** The inner loop: the head of the region that bails (the first one formed, holding the whole loop). */
    public static final long HEAD = RandomPrograms.BODY + 32;
    /** Registers made wide by the handler. */
    public static final int FIRST = 19;
    public static final int SECOND = 20;

    /** The handler's middle: s3 wide while t0 >= ROUNDS/2, then s4 (t6 is saved by the handler's entry). */
    private static final String WIDE = "addi t6,t0,-" + ROUNDS / 2 + "\nblt t6,zero,h1\nxor s3,s3,s0\njal zero,h2\n"
            + "h1:\nxor s4,s4,s0\nh2:\n";

    private static final String BODY = "loop:\naddw s2,s2,a1\nbeq t0,zero,p8\necall\np8:\n"
            + "add s0,s0,s3\nadd s0,s0,s4\naddw s3,s3,s2\naddw s4,s4,s3\naddi a6,zero,3\n"
            + "inner:\naddiw a5,a6,5\nmulw a5,a5,s3\nmulw a5,a5,s4\nadd s0,s0,a5\naddiw a6,a6,-1\n"
            + "bne a6,zero,inner\nslli t1,s0,13\nxor s0,s0,t1\n" + Lockstep.LOOP_EXIT;

    /** The program's code, at {@link RandomPrograms#RAM}. */
    public static byte[] code() {
        String text = RandomPrograms.HANDLER_ENTRY + WIDE + RandomPrograms.HANDLER_SKIP
                + ".zero " + (RandomPrograms.BODY - RandomPrograms.RAM - 4 * (15 + 5)) + "\nstart:\n" + BODY;
        return new Assembler(64).assemble(text, RandomPrograms.RAM);
    }

    /** Initial registers: random wide values, t0 the rounds; the pc at {@link RandomPrograms#RAM}. */
    public static long[] registers() {
        long[] x = new long[32];
        Random r = new Random(11);
        for (int reg = 1; reg < 32; reg++) {
            x[reg] = r.nextLong();
        }
        x[0] = 0;
        x[5] = ROUNDS;
        return x;
    }

    static Machine boot(boolean jit, CollectingConsole console) {
        Machine m = new Machine(new MachineConfig(64, 1, 1 << 20, 1000), console, InputSource.none());
        m.setTranslation(jit, 50);
        byte[] code = code();
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        m.hart(0).setPc(RandomPrograms.RAM);
        long[] x = registers();
        for (int reg = 1; reg < 32; reg++) {
            m.hart(0).setReg(reg, x[reg]);
        }
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        return m;
    }
}
