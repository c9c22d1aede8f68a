package dev.rewind.emulator.jit;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.WatchKind;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.isa.Assembler;
import dev.rewind.emulator.device.InputSource;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RV64 access groups through the stack pointer ({@code MemGroups.MODE64}, on by default: a function's register saves
 * and restores, {@code sd}/{@code ld} at several offsets of sp) against the interpreter, bit for bit. sp takes each of
 * a set of addresses in turn: inside RAM, a frame crossing a page, a frame crossing RAM's end (the last saves fault),
 * a watched page, the UART, the code page, and 64-bit addresses whose low 32 bits lie in RAM but which are not RAM
 * (2^32 above it, sign-extended below it, the top bit set): a check on the low word alone would take them for RAM.
 * Each frame has saves in descending order, mixed widths (sw, sh, sb, lwu, lh, lbu), unaligned offsets, a
 * read-modify-write, sp written between accesses (the group ends), and a load into sp itself. Faults go to a handler
 * that skips the instruction.
 */
class StackGroupDifferentialTest {

    private static final long B = MachineConfig.RAM_BASE;
    private static final long RAM = (1 << 20) + 3 * 4096;
    private static final long E = B + RAM;
    private static final long D = B + 0x40000;
    /** The watched page: reads of its first 2 bytes, writes of bytes 4..7. */
    private static final long W = D + 0x3000;
    /** The frames' sp values (after {@code addi sp,sp,-48}), one per section of the loop. */
    private static final long[] FRAMES = {D + 0x1000, D + 0x1FE8, E - 24, W - 8, MachineConfig.UART_BASE, B + 0x800,
        (1L << 32) + D, 0xFFFF_FFFF_0000_0000L | D, Long.MIN_VALUE | D, D + 0x5FF3, E - 0x1000 + 8, E - 48};
    /** Registers holding each frame's sp + 48: a0..a7 (x10..x17), s6..s9 (x22..x25). */
    private static final int[] HOLDERS = {10, 11, 12, 13, 14, 15, 16, 17, 22, 23, 24, 25};

    static String program() {
        StringBuilder sb = new StringBuilder(RandomPrograms.HANDLER_CODE);
        sb.append(".zero ").append(RandomPrograms.BODY - RandomPrograms.RAM - 4 * 15).append('\n');
        sb.append("start:\nloop:\n");
        for (int f = 0; f < FRAMES.length; f++) {
            sb.append("addi sp,x").append(HOLDERS[f]).append(",0\n");
            // a prologue: sp down, saves in descending order
            sb.append("addi sp,sp,-48\nsd s0,32(sp)\nsd s1,24(sp)\nsd s10,16(sp)\nsd s11,8(sp)\nsd ra,40(sp)\n");
            sb.append("add s0,s0,t2\nxor s1,s1,t2\naddi s10,s10,7\n");
            // mixed widths and unaligned offsets through sp, loads between stores
            sb.append("sw t2,4(sp)\nlwu t1,4(sp)\nsh t1,13(sp)\nlh t3,12(sp)\nsb t3,47(sp)\nlbu t4,47(sp)\n");
            sb.append("add t2,t2,t1\nxor t2,t2,t3\nadd t2,t2,t4\nld t5,0(sp)\nadd t2,t2,t5\n");
            // read-modify-write
            sb.append("ld t1,24(sp)\naddi t1,t1,3\nsd t1,24(sp)\nlw t3,28(sp)\nsw t3,0(sp)\nadd t2,t2,t3\n");
            // the epilogue: restores, sp back up
            sb.append("ld ra,40(sp)\nld s0,32(sp)\nld s1,24(sp)\nld s10,16(sp)\nld s11,8(sp)\naddi sp,sp,48\n");
            sb.append("add t2,t2,s0\nxor t2,t2,s1\nadd t2,t2,s10\nxor t2,t2,s11\nadd t2,t2,ra\n");
            // sp written between two accesses; a load into sp itself (the group ends there)
            sb.append("ld t1,-8(sp)\naddi sp,sp,-16\nld t3,0(sp)\nld sp,8(sp)\nld t4,0(sp)\n");
            sb.append("add t2,t2,t1\nxor t2,t2,t3\nadd t2,t2,t4\n");
        }
        sb.append(Lockstep.LOOP_EXIT);
        return sb.toString();
    }

    static Machine boot(boolean jit, CollectingConsole console) {
        Machine m = new Machine(new MachineConfig(64, 1, RAM, 1000), console, InputSource.none());
        m.setTranslation(jit, 0);
        byte[] code = new Assembler(64).assemble(program(), RandomPrograms.RAM);
        m.writeMemory(RandomPrograms.RAM, code, 0, code.length);
        byte[] data = new byte[0x8000];
        new Random(13).nextBytes(data);
        m.writeMemory(D, data, 0, data.length);
        m.writeMemory(E - 0x1000, data, 0, 0x1000);
        m.hart(0).setPc(RandomPrograms.RAM);
        for (int f = 0; f < FRAMES.length; f++) {
            m.hart(0).setReg(HOLDERS[f], FRAMES[f] + 48);
        }
        m.hart(0).setReg(8, 0x1234_5678_9ABC_DEF0L);
        m.hart(0).setReg(9, -3);
        m.hart(0).setReg(26, 0x8000_0000L);
        m.hart(0).setReg(27, 0xFFFF_FFFF_7FFF_FFFFL);
        m.hart(0).setReg(5, 30);
        m.writeCsr(0, 0x305, RandomPrograms.HANDLER);
        m.addWatchpoint(W, 2, WatchKind.READ);
        m.addWatchpoint(W + 4, 4, WatchKind.WRITE);
        return m;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stackGroupsRunIdenticallyTranslated() {
        Lockstep.loopRunsToExit(StackGroupDifferentialTest::boot, true);
    }

    /** Without snapshots: pages stay dirty, so stores keep their fast path (and the groups' checks pass). */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stackGroupsRunIdenticallyWithoutSnapshots() {
        CollectingConsole outRef = dev.rewind.emulator.device.ConsoleSink.collecting();
        CollectingConsole outJit = dev.rewind.emulator.device.ConsoleSink.collecting();
        Machine ref = boot(false, outRef);
        Machine jit = boot(true, outJit);
        Lockstep.Outcome o = Lockstep.run(ref, jit, 5000, 0, 3, 50_000);
        Lockstep.assertRanToExit(o, jit, outRef, outJit);
        org.assertj.core.api.Assertions.assertThat(ref.hart(0).reg(5)).as("every round of the loop").isZero();
    }
}
