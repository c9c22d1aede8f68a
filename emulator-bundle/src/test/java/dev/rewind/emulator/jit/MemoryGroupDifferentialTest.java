package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.WatchKind;
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
 * Access groups (one tag check for several loads or stores through one base register, {@code MemGroups.groups})
 * against the interpreter, bit for bit: groups whose span crosses a page, RAM's end (the last member's length decides:
 * a group check that ignored it would read past RAM instead of faulting), a watched page, the UART, a code page, pages
 * made clean by snapshots, an RV32 address wrapping around 2^32; members in descending order (the lowest offset is not
 * the first member's), interleaved with accesses through another register and ALU ops (the memcpy shape), a base
 * written between two accesses and a load into its own base (the group ends there); read-modify-write (loads and
 * stores of the same bytes through one base), also on a page watched for reads only whose stores are on their fast
 * path (a check shared by a load and a store must not let the load past the watch); faults in the middle of a group go
 * to a handler that skips the instruction, so the members before it have taken effect and the ones after it run.
 * RV64 forms groups through sp only (StackGroupDifferentialTest): its run checks this program through the per-access
 * path.
 */
class MemoryGroupDifferentialTest {

    private static final long B = MachineConfig.RAM_BASE;
    private static final long RAM = (1 << 20) + 3 * 4096;
    private static final long E = B + RAM;
    private static final long D = B + 0x40000;
    /** The watched page: reads of its first 2 bytes, writes of bytes 4..7. */
    private static final long W = D + 0x3000;
    /** Address registers x10..x17 (a0..a7). */
    /** s1: a page watched for reads of its first 2 bytes only (stores to it are on their fast path otherwise). */
    private static final long R = D + 0x4000;
    private static final long[] ADDRS = {D + 0x1000, W - 6, E - 6, MachineConfig.UART_BASE, B + 0x800, 0xFFFFFFFCL,
        D + 0x5FF4, D + 0x6FFD};

    static String program(int xlen) {
        StringBuilder sb = new StringBuilder(RandomPrograms.HANDLER_CODE);
        sb.append(".zero ").append(RandomPrograms.BODY - RandomPrograms.RAM - 4 * 15).append('\n');
        sb.append("start:\nloop:\n");
        // read-modify-write on a page watched for reads only (its stores are on their fast path once it is dirty)
        sb.append("lw t1,0(s1)\naddi t1,t1,1\nsw t1,8(s1)\nlhu t3,2(s1)\nsh t3,10(s1)\nadd t2,t2,t3\n");
        for (int r = 0; r < ADDRS.length; r++) {
            String x = "(x" + (10 + r) + ")\n";
            String y = "(x" + (10 + (r + 1) % ADDRS.length) + ")\n";
            // ascending, mixed widths, ALU between
            sb.append("lw t1,0").append(x).append("add t2,t2,t1\nlh t3,4").append(x).append("add t2,t2,t3\n");
            sb.append("lbu t4,6").append(x).append("xor t2,t2,t4\nlw t5,8").append(x).append("add t2,t2,t5\n");
            // descending: the lowest offset comes last
            sb.append("lw t1,8").append(x).append("lw t3,4").append(x).append("lw t4,0").append(x);
            sb.append("lw t5,-4").append(x).append("add t2,t2,t1\nxor t2,t2,t3\nadd t2,t2,t4\nxor t2,t2,t5\n");
            // the last member's length reaches further than any offset
            sb.append("lb t1,0").append(x).append("lw t3,3").append(x).append("add t2,t2,t1\nxor t2,t2,t3\n");
            if (xlen == 64) {
                sb.append("ld t1,0").append(x).append("ld t3,8").append(x).append("add t2,t2,t1\nxor t2,t2,t3\n");
            }
            // a base written between two accesses; a load into its own base
            sb.append("addi s0,x").append(10 + r).append(",0\nlw t1,0(s0)\naddi s0,s0,4\nlw t3,0(s0)\n");
            sb.append("lw s0,4(s0)\nlw t4,0(s0)\nadd t2,t2,t1\nxor t2,t2,t3\nadd t2,t2,t4\n");
            if (r != 4) { // no stores into the code page's handler
                sb.append("sw t2,0").append(x).append("addi t2,t2,0x35\nsh t2,4").append(x);
                sb.append("sb t2,7").append(x).append("addi t2,t2,0x35\nsw t2,8").append(x);
                sb.append("sw t2,8").append(x).append("sh t2,2").append(x).append("sw t2,-4").append(x);
                sb.append("sb t2,0").append(x).append("sw t2,3").append(x);
                if (xlen == 64) {
                    sb.append("sd t2,0").append(x).append("sd t2,8").append(x);
                }
            } else {
                sb.append("sw t2,0x80").append(x).append("sb t2,0x83").append(x).append("sw t2,0x86").append(x);
            }
            // the memcpy shape: loads through x, stores through y, interleaved
            sb.append("lw t1,0").append(x).append("sw t1,0").append(y).append("lw t1,4").append(x);
            sb.append("sw t1,4").append(y).append("lw t1,8").append(x).append("sw t1,8").append(y);
            if (r != 4) { // read-modify-write: loads and stores through one base
                sb.append("lw t1,12").append(x).append("addi t1,t1,3\nsw t1,12").append(x);
                sb.append("lh t3,-2").append(x).append("sh t3,14").append(x);
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
        new Random(11).nextBytes(data);
        m.writeMemory(D, data, 0, data.length);
        m.writeMemory(E - 0x1000, data, 0, 0x1000);
        m.hart(0).setPc(RandomPrograms.RAM);
        for (int r = 0; r < ADDRS.length; r++) {
            m.hart(0).setReg(10 + r, xlen == 32 ? (int) ADDRS[r] : ADDRS[r]);
        }
        m.hart(0).setReg(9, xlen == 32 ? (int) R : R);
        m.hart(0).setReg(5, 30);
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        m.addWatchpoint(W, 2, WatchKind.READ);
        m.addWatchpoint(W + 4, 4, WatchKind.WRITE);
        m.addWatchpoint(R, 2, WatchKind.READ);
        return m;
    }

    @ParameterizedTest(name = "RV{0}")
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void groupedAccessesRunIdenticallyTranslated(int xlen) {
        CollectingConsole outRef = ConsoleSink.collecting();
        CollectingConsole outJit = ConsoleSink.collecting();
        Machine ref = boot(xlen, false, outRef);
        Machine jit = boot(xlen, true, outJit);
        Lockstep.Outcome o = Lockstep.run(ref, jit, 5000, 5, 3, 50_000);
        Lockstep.assertRanToExit(o, jit, outRef, outJit);
        assertThat(ref.hart(0).reg(5)).as("every round of the loop").isZero();
        assertThat(o.watchStops()).as("watchpoint stops").isGreaterThan(30);
    }

    /**
     * The same without snapshots: pages stay dirty (on the stores' fast path), so the read-modify-write on the page
     * watched for reads only runs while its store tags pass (a load checked with the store tags would miss the watch).
     */
    @ParameterizedTest(name = "RV{0}")
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void groupedAccessesRunIdenticallyWithoutSnapshots(int xlen) {
        CollectingConsole outRef = ConsoleSink.collecting();
        CollectingConsole outJit = ConsoleSink.collecting();
        Machine ref = boot(xlen, false, outRef);
        Machine jit = boot(xlen, true, outJit);
        Lockstep.Outcome o = Lockstep.run(ref, jit, 5000, 0, 3, 50_000);
        Lockstep.assertRanToExit(o, jit, outRef, outJit);
        assertThat(o.watchStops()).as("watchpoint stops: 10 a round").isGreaterThanOrEqualTo(300);
    }
}
