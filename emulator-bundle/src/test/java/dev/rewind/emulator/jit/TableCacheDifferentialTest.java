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
 * Table lookups at loaded indexes through page caches ({@code LoadFed.fedBases}: a base not fed by loads plus a loaded
 * byte, or a value masked and shifted below a page, gets a cache) against the interpreter, bit for bit: a loop reads a
 * text byte, looks it up in a byte table ({@code cls[ch]}, work-fsm's shape) and a word table ({@code table[(h ^ ch)
 * & 255]}, work-crc's), and stores a byte; the tables straddle a watched page (reads), RAM's end, the UART, RAM's
 * start, a page boundary with misaligned words, and the loop's own code page, which the walking store writes (the
 * translation is dropped and made again). Faults go to a handler that skips the instruction; RV64 also with a byte
 * table in place of the word table (its caches are for byte accesses). The selection itself: {@code LoadFedTest}.
 */
class TableCacheDifferentialTest {

    private static final long B = MachineConfig.RAM_BASE;
    private static final long RAM = (1 << 20);
    private static final long E = B + RAM;
    private static final long D = B + 0x40000;
    private static final long W = D + 0x9000;
    private static final int ROUNDS = 0x1400;

    /** {@code bytes}: the second table is looked up with lbu (cached on RV64 even with -Drewind.jit.pageCache64=bytes, PageCache.BYTES64). */
    static String program(boolean bytes) {
        StringBuilder sb = new StringBuilder(RandomPrograms.HANDLER_CODE);
        sb.append(".zero ").append(RandomPrograms.BODY - RandomPrograms.RAM - 4 * 15).append('\n');
        sb.append("start:\nloop:\n");
        sb.append("lbu t1,0(a0)\nadd t2,a1,t1\nlbu t3,0(t2)\nadd s3,s3,t3\n");        // cls[ch]
        sb.append("xor t4,t1,s3\nandi t4,t4,255\nslli t4,t4,2\nadd t4,a2,t4\n");          // table[(h ^ ch) & 255]
        sb.append(bytes ? "lbu" : "lw").append(" t5,0(t4)\n");
        sb.append("xor s3,s3,t5\nsb s3,0(a3)\naddi a0,a0,1\naddi a3,a3,1\n");
        sb.append("addi t0,t0,-1\nbne t0,zero,loop\n");
        sb.append("lui t6,0x100\nlui t5,0x5\naddi t5,t5,0x555\nsw t5,0(t6)\n");
        return sb.toString();
    }

    /** Pointer sets a0..a3: text, byte table, word table, store. */
    static long[] pointers(int set) {
        return switch (set) {
            case 0 -> new long[] {D, W - 0x80, D + 0x2F02, D + 0x8000};
            case 1 -> new long[] {D + 0x100, E - 0x80, MachineConfig.UART_BASE - 0x200, D + 0x8000};
            default -> new long[] {D + 0x200, B - 0x80, RandomPrograms.BODY - 0x100, RandomPrograms.BODY + 0x100};
        };
    }

    static Machine boot(int xlen, int set, boolean bytes, boolean jit, CollectingConsole console) {
        Machine m = new Machine(new MachineConfig(xlen, 1, RAM, 1000), console, InputSource.none());
        m.setTranslation(jit, 0);
        byte[] code = new Assembler(xlen).assemble(program(bytes), RandomPrograms.RAM);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        byte[] data = new byte[0xA000];
        new Random(7).nextBytes(data);
        m.writeMemory(D, data, 0, data.length);
        m.writeMemory(E - 0x1000, data, 0, 0x1000);
        m.hart(0).setPc(RandomPrograms.RAM);
        long[] p = pointers(set);
        for (int r = 0; r < p.length; r++) {
            m.hart(0).setReg(10 + r, xlen == 32 ? (int) p[r] : p[r]);
        }
        m.hart(0).setReg(5, ROUNDS);
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        m.addWatchpoint(W + 0x10, 1, WatchKind.READ);
        return m;
    }

    @ParameterizedTest(name = "RV{0} pointers {1} byte tables {2}")
    @CsvSource({"32,0,false", "32,1,false", "32,2,false", "64,0,false", "64,0,true", "64,1,true", "64,2,true"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void tableLookupsRunIdenticallyTranslated(int xlen, int set, boolean bytes) {
        Lockstep.loopRunsToExit((jit, out) -> boot(xlen, set, bytes, jit, out), set == 0);
    }
}
