package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The translated fast path for loads and stores against the interpreter, bit for bit, at the addresses where its
 * range checks decide: RAM's first and last bytes, just below and just past RAM, accesses crossing a page or RAM's
 * end, the UART (MMIO), an RV32 address that wraps around 2^32, and RV64 addresses whose low 32 bits fall inside RAM
 * (4 GiB above or below it, the sign-extended RAM base, page numbers beyond 2^31, offsets whose page number wraps to
 * one inside RAM as a 32-bit int: 2^44 and 2^63 above data in RAM), and past RAM where the tag index (masked to the
 * table's power-of-two length; RAM is not a power of two of pages) lands on a RAM page. Every load and store width, with
 * offsets around each address; faults go to a handler that skips the instruction.
 */
class MemoryEdgeDifferentialTest {

    private static final long B = MachineConfig.RAM_BASE;
    /** 259 pages: not a power of two (tag tables of 512 entries), past the initial flat array (256 pages). */
    private static final long RAM = (1 << 20) + 3 * 4096;
    private static final long E = B + RAM;
    /** Data (past the code). */
    private static final long D = B + 0x40000;
    /**
     * Address registers x10..x28 (a0..s11, t3) and their values; the ones that reach code pages are only loaded from
     * (B - 4: a store at offset 7 would overwrite the trap handler; B - 16 tests stores below RAM).
     */
    private static final long[] ADDRS = {B, E - 8, B + 0x1FFE, D + 0xFFE, 0xFFFFFFF8L, B - 4, MachineConfig.UART_BASE,
        E, B + 0x1_0000_0100L, 0xFFFFFFFF80000100L, E + (1L << 43), D - (1L << 32) + 0x5000, D + (1L << 32) + 0x5000,
        -8, D + 0x4FFF, D + (1L << 44), D + (1L << 63) + 0x2000, B - 16, B + 0x200000 + 0x1FFC};
    private static final boolean[] LOAD_ONLY = {true, false, true, false, false, true, false, false, true, true, false,
        false, false, false, false, false, false, false, false};

    static String program(int xlen) {
        String[] loads = xlen == 64 ? new String[] {"lb", "lh", "lw", "lbu", "lhu", "lwu", "ld"}
            : new String[] {"lb", "lh", "lw", "lbu", "lhu"};
        String[] stores = xlen == 64 ? new String[] {"sb", "sh", "sw", "sd"} : new String[] {"sb", "sh", "sw"};
        int[] offsets = {0, 1, -2, 7};
        StringBuilder sb = new StringBuilder(RandomPrograms.HANDLER_CODE);
        sb.append(".zero ").append(RandomPrograms.BODY - RandomPrograms.RAM - 4 * 15).append('\n');
        sb.append("start:\nloop:\n");
        for (int r = 0; r < ADDRS.length; r++) {
            for (String l : loads) {
                for (int off : offsets) {
                    sb.append(l).append(" t1,").append(off).append("(x").append(10 + r).append(")\n");
                    sb.append("add t2,t2,t1\nslli t4,t2,5\nxor t2,t2,t4\n");
                }
            }
            if (!LOAD_ONLY[r]) {
                for (String s : stores) {
                    for (int off : offsets) {
                        sb.append(s).append(" t2,").append(off).append("(x").append(10 + r).append(")\n");
                        sb.append("addi t2,t2,0x35\n");
                    }
                }
            }
        }
        sb.append(Lockstep.LOOP_EXIT);
        return sb.toString();
    }

    static Machine boot(int xlen, boolean jit, CollectingConsole console) {
        Machine m = new Machine(new MachineConfig(xlen, 1, RAM, 1000), console, InputSource.none());
        m.setTranslation(jit, 0);
        byte[] code = new Assembler(xlen).assemble(program(xlen), RandomPrograms.RAM);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        byte[] data = new byte[0x8000];
        new Random(7).nextBytes(data);
        m.writeMemory(D, data, 0, data.length);
        m.writeMemory(E - 0x1000, data, 0, 0x1000);
        m.hart(0).setPc(RandomPrograms.RAM);
        for (int r = 0; r < ADDRS.length; r++) {
            m.hart(0).setReg(10 + r, xlen == 32 ? (int) ADDRS[r] : ADDRS[r]);
        }
        m.hart(0).setReg(5, 40);
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        return m;
    }

    @ParameterizedTest(name = "RV{0}")
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void edgeAccessesRunIdenticallyTranslated(int xlen) {
        CollectingConsole outRef = ConsoleSink.collecting();
        CollectingConsole outJit = ConsoleSink.collecting();
        Machine ref = boot(xlen, false, outRef);
        Machine jit = boot(xlen, true, outJit);
        Lockstep.Outcome o = Lockstep.run(ref, jit, 200, 0, 3, 50_000);
        Lockstep.assertRanToExit(o, jit, outRef, outJit);
        assertThat(o.watchStops()).as("no watchpoints here").isZero();
        assertThat(ref.hart(0).reg(5)).as("every round of the loop").isZero();
        assertThat(ref.time()).as("ran the loop").isGreaterThan(40L * ADDRS.length * 30);
    }
}
