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
 * Page caches of accesses in loops ({@code PageCache}: the tag check once per page) against the interpreter, bit for
 * bit: a loop with four accesses (a misaligned word and half loaded, a byte and a half stored, one pointer walking
 * down, all moving a byte per round, so wide accesses cross every page boundary) whose pointers go into a watched page
 * (reads and writes), past RAM's end, through the UART, into the loop's code page (above the code), below RAM, around
 * 2^32 (RV32) or 2^64 (RV64), at 2^63 and 2^63 + 2^31 above RAM (RV64: an empty cache is no hit there, or one whose
 * RAM index fails the explicit range check: checked mutations: the empty value Long.MIN_VALUE, no range check; RV32's
 * int caches likewise at addresses 0x10.. (pointer set 4): checked mutation, no range check after an RV32 hit),
 * and over pages made clean by snapshots (first store slow, then fast again); an LR/SC pair every 64 rounds (the caches start over after it,
 * so the watched page is entered from a page cached for 15 rounds: rounds 0x40E and 0x820). Faults go to a handler
 * that skips the instruction. Checked mutations: no crossing term in the hit test (the half crossing into the
 * read-watched bytes is not stopped), a two-page window (likewise). Each case runs twice: with that loop (RV64 caches
 * its wide accesses by default, PageCache.CACHES64; the pom's surefire execution page-cache-64 runs this class again
 * with -Drewind.jit.pageCache64=bytes, where they take the per-access path: checked mutation {@code 4096 - len} to
 * 4095 in CacheCheck's RV64 hit test), and
 * with its loads and stores as bytes (LBU, LB, SB: cached on RV64 with either setting, PageCache.BYTES64; checked
 * mutation: a two-page window in the RV64 hit test).
 */
class PageCacheDifferentialTest {

    private static final long B = MachineConfig.RAM_BASE;
    private static final long RAM = (1 << 20) + 3 * 4096;
    private static final long E = B + RAM;
    private static final long D = B + 0x40000;
    /** The watched page: reads of bytes 0..1, writes of 0xFF0..0xFF3 (near the ends a walking pointer enters it by). */
    private static final long W = D + 0x9000;
    private static final int ROUNDS = 0x1180;

    /** The loop; {@code bytes}: its accesses are LBU/LB/SB/SB (RV64's default caches), else LW/LH/SB/SH. */
    static String program(boolean bytes) {
        StringBuilder sb = new StringBuilder(RandomPrograms.HANDLER_CODE);
        sb.append(".zero ").append(RandomPrograms.BODY - RandomPrograms.RAM - 4 * 15).append('\n');
        sb.append("start:\nloop:\n");
        // misaligned words and halves walking a byte per round: every page boundary is crossed by a wide access
        sb.append(bytes ? "lbu" : "lw").append(" t1,0(a0)\nadd t2,t2,t1\nsb t1,0(a1)\n");
        sb.append(bytes ? "lb" : "lh").append(" t3,1(a2)\nxor t2,t2,t3\n");
        sb.append(bytes ? "sb" : "sh").append(" t2,-1(a3)\naddi a0,a0,1\naddi a1,a1,1\naddi a2,a2,1\naddi a3,a3,-1\n");
        // every 64th round an LR/SC (the caches start over after it)
        sb.append("addi t0,t0,-1\nandi s2,t0,63\nbne s2,zero,skip\n");
        sb.append("lr.w t4,(s1)\nsc.w t5,t2,(s1)\nadd t2,t2,t5\n");
        sb.append("skip:\nbne t0,zero,loop\n");
        sb.append("lui t6,0x100\nlui t5,0x5\naddi t5,t5,0x555\nsw t5,0(t6)\n");
        return sb.toString();
    }

    /** Pointer sets a0..a3 (load, store, load, store walking down). */
    static long[] pointers(int set, int xlen) {
        return switch (set) {
            case 0 -> new long[] {D + 0xF80, D + 0x4F40, W - 0x410, W + 0x1820};
            case 1 -> new long[] {E - 0x90, E - 0x40, MachineConfig.UART_BASE - 0x20, B + 0x2200};
            case 2 -> new long[] {xlen == 32 ? 0xFFFFFF80L : -0x80L, W - 0x100, B - 0x20, D + 0x2000};
            // RV64: 2^63 + 2^31 above RAM's first bytes: offsets an empty cache (CacheCheck.EMPTY64) takes for a hit;
            // RV32 (the low words): addresses 0x10.., offsets 2^31 + k, which an empty int cache (EMPTY32) takes for one
            case 4 -> new long[] {CacheCheck.EMPTY64 + B + 0x10, CacheCheck.EMPTY64 + B + 0x20,
                CacheCheck.EMPTY64 + B + 0x100, CacheCheck.EMPTY64 + B + 0x200};
            // RV64: 2^63 above RAM's first bytes (an empty cache must not take them for RAM's page 0)
            default -> new long[] {Long.MIN_VALUE + B + 0x10, Long.MIN_VALUE + B + 0x20, Long.MIN_VALUE + B + 0x100,
                Long.MIN_VALUE + B + 0x200};
        };
    }

    static Machine boot(int xlen, int set, boolean bytes, boolean jit, CollectingConsole console) {
        Machine m = new Machine(new MachineConfig(xlen, 1, RAM, 1000), console, InputSource.none());
        m.setTranslation(jit, 0);
        byte[] code = new Assembler(xlen).assemble(program(bytes), RandomPrograms.RAM);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        byte[] data = new byte[0xA000];
        new Random(5).nextBytes(data);
        m.writeMemory(D, data, 0, data.length);
        m.writeMemory(E - 0x1000, data, 0, 0x1000);
        m.hart(0).setPc(RandomPrograms.RAM);
        long[] p = pointers(set, xlen);
        for (int r = 0; r < p.length; r++) {
            m.hart(0).setReg(10 + r, xlen == 32 ? (int) p[r] : p[r]);
        }
        m.hart(0).setReg(9, D + 0x7000); // the LR/SC word: a page no pointer walks (a reservation makes stores slow)
        m.hart(0).setReg(5, ROUNDS);
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        m.addWatchpoint(W, 2, WatchKind.READ);
        m.addWatchpoint(W + 0xFF0, 4, WatchKind.WRITE);
        return m;
    }

    @ParameterizedTest(name = "RV{0} pointers {1} bytes {2}")
    @CsvSource({"32,0,false", "32,1,false", "32,2,false", "32,4,false", "32,4,true", "64,0,false", "64,1,false", "64,2,false", "64,3,false",
        "64,4,false", "32,0,true", "32,1,true", "32,2,true", "64,0,true", "64,1,true", "64,2,true", "64,3,true",
        "64,4,true"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void byteLoopsRunIdenticallyTranslated(int xlen, int set, boolean bytes) {
        Lockstep.loopRunsToExit((jit, out) -> boot(xlen, set, bytes, jit, out), set == 0);
    }
}
