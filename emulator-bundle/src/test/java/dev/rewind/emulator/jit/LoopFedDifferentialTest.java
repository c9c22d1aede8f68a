package dev.rewind.emulator.jit;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.WatchKind;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Page caches of an inner loop whose bases come from loads before it ({@code LoadFed.inLoop}: only loads inside the
 * loop make a base a chase) against the interpreter, bit for bit, in lockstep with snapshots (clean pages: first stores
 * take the slow path). CoreMark-rv64's matmul shape: the outer loop loads three base pointers from a table and starts
 * a counter from a register the inner loop loads ({@code a5}); the inner loop computes its addresses from counters
 * (RV64: {@code slli 32; srli 31}, a zero-extended index times 2), loads two halfwords (one into {@code a3}, which it
 * also computes a base into), multiplies, accumulates and stores the sum (the outer loop
 * also walks a pointer chase, {@code lw s6,0(s6)}: a base loaded in its loop). The tables' pointers lead across page boundaries (misaligned halfwords,
 * loaded and stored), a watched page, RAM's end and start (faults the handler skips) and the UART (MMIO). The outer
 * loop is in the inner loop's region (its loads make the bases fed region-wide); the mutation "a cache hit anywhere
 * within 16 pages" fails on RV64 (the watched read is missed) and passes with -Drewind.jit.loopFed=false.
 */
class LoopFedDifferentialTest {

    private static final long B = MachineConfig.RAM_BASE;
    private static final long RAM = 1 << 20;
    private static final long E = B + RAM;
    private static final long D = B + 0x40000;
    private static final long W = D + 0x9000;
    private static final long T = D + 0xA000;
    private static final int ROUNDS = 0x1000;

    static String program(int xlen) {
        int ps = xlen / 8;
        String ld = xlen == 64 ? "ld" : "lw";
        StringBuilder sb = new StringBuilder(RandomPrograms.HANDLER_CODE);
        sb.append(".zero ").append(RandomPrograms.BODY - RandomPrograms.RAM - 4 * 15).append('\n');
        sb.append("start:\nloop:\n");
        sb.append("andi t3,t0,3\nslli t3,t3,").append(xlen == 64 ? 5 : 4).append("\nadd t3,a0,t3\n");
        sb.append(ld).append(" s1,0(t3)\n").append(ld).append(" s2,").append(ps).append("(t3)\n");
        sb.append(ld).append(" s5,").append(2 * ps).append("(t3)\n");
        sb.append("lw s6,0(s6)\n");                                        // a chase: s6 loads its own next base
        sb.append("andi a2,a5,63\naddi a4,zero,0\n");                      // a counter started from a loaded value
        sb.append("inner:\n");
        if (xlen == 64) {
            sb.append("slli a3,a4,32\nsrli a3,a3,31\n");
        } else {
            sb.append("slli a3,a4,1\n");
        }
        sb.append("add a3,a3,s1\nslli t4,a2,1\nadd t4,t4,s2\nlh a5,0(a3)\nlh a3,0(t4)\n");
        sb.append("mul a5,a5,a3\nadd s3,s3,a5\n");
        sb.append("slli t4,a4,1\nadd t4,t4,s5\nsh s3,0(t4)\n");
        sb.append("addi a4,a4,1\nadd a2,a2,a7\nbne a4,a6,inner\n");
        sb.append(Lockstep.LOOP_EXIT);
        return sb.toString();
    }

    /** The pointer table: per round (t0 & 3) the bases of the two loads and of the store. */
    static long[][] table() {
        return new long[][] {
            {D, D + 0x2F81, D + 0x8000},
            {W - 0x10, D + 0x5000, D + 0x8100},
            {MachineConfig.UART_BASE - 0x10, E - 0x40, E - 0x20},
            {D + 0x1FF1, B - 0x20, D + 0x7FF1},
        };
    }

    static Machine boot(int xlen, boolean jit, CollectingConsole console) {
        Machine m = new Machine(new MachineConfig(xlen, 1, RAM, 1000), console, InputSource.none());
        m.setTranslation(jit, 0);
        byte[] code = new Assembler(xlen).assemble(program(xlen), RandomPrograms.RAM);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        byte[] data = new byte[0xA000];
        new Random(11).nextBytes(data);
        m.writeMemory(D, data, 0, data.length);
        m.writeMemory(E - 0x1000, data, 0, 0x1000);
        int ps = xlen / 8;
        long[][] t = table();
        byte[] ptrs = new byte[4 * 4 * ps];
        for (int e = 0; e < t.length; e++) {
            for (int j = 0; j < 3; j++) {
                for (int b = 0; b < ps; b++) {
                    ptrs[(e * 4 + j) * ps + b] = (byte) (t[e][j] >>> (8 * b));
                }
            }
        }
        m.writeMemory(T, ptrs, 0, ptrs.length);
        // a ring of pointers for the chase: each word holds the next one's address
        byte[] ring = new byte[0x40];
        for (int i = 0; i < 16; i++) {
            long next = D + 0x9800 + 4 * ((i * 5 + 3) % 16);
            for (int b = 0; b < 4; b++) {
                ring[4 * i + b] = (byte) (next >>> (8 * b));
            }
        }
        m.writeMemory(D + 0x9800, ring, 0, ring.length);
        m.hart(0).setPc(RandomPrograms.RAM);
        m.hart(0).setReg(10, xlen == 32 ? (int) T : T);
        m.hart(0).setReg(16, 24);                                            // a6: inner rounds
        m.hart(0).setReg(17, 3);                                             // a7: a2's stride
        m.hart(0).setReg(22, xlen == 32 ? (int) (D + 0x9800) : D + 0x9800); // s6: the chase
        m.hart(0).setReg(5, ROUNDS);
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        m.addWatchpoint(W + 0x10, 1, WatchKind.READ);
        return m;
    }

    @ParameterizedTest(name = "RV{0}")
    @CsvSource({"32", "64"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void innerLoopsWithBasesLoadedBeforeThemRunIdenticallyTranslated(int xlen) {
        Lockstep.loopRunsToExit((jit, out) -> boot(xlen, jit, out), true);
    }
}
