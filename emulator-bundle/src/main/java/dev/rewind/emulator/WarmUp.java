package dev.rewind.emulator;

import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfSegment;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Loads and initialises the engine's classes by running a small built-in loop on a throwaway machine: a start-up aid
 * for a process that is about to run a guest ({@code rewind run}) and has a core to spare meanwhile (issue #16). The
 * first machine of a JVM otherwise loads some hundred classes (machine, interpreter, translator, ASM) on the guest's
 * critical path. The throwaway machine shares nothing with any other machine but the JVM-wide class cache of
 * translated regions, whose entries are exactly what a machine would define itself (its regions' key is this loop,
 * which no guest image at another place matches anyway): no guest can tell that it ran.
 */
public final class WarmUp {

    /**
     * The loop: sp = RAM + 4 KiB; t0 = 2000; { t1 = [sp] + 3; [sp] = t1; t2 ^= t1 } t0 times; then again from t0 =
     * 2000. A load, a store, ALU operations and a branch: the interpreter, its block cache and (after 100 entries) a
     * translated region.
     */
    private static final int[] LOOP = {
        0x00001117, // auipc sp, 0x1
        0x7D000293, // addi  t0, zero, 2000
        0x00012303, // lw    t1, 0(sp)
        0x00330313, // addi  t1, t1, 3
        0x00612023, // sw    t1, 0(sp)
        0x0063C3B3, // xor   t2, t2, t1
        0xFFF28293, // addi  t0, t0, -1
        0xFE0296E3, // bne   t0, zero, -20 (the lw)
        0xFE5FF06F, // jal   zero, -28 (the addi t0)
    };

    private WarmUp() {
    }

    /** The loop as an image for {@code xlen} (the same words on RV32 and RV64). */
    static ElfImage image(int xlen) {
        byte[] code = new byte[LOOP.length * 4];
        for (int i = 0; i < LOOP.length; i++) {
            for (int b = 0; b < 4; b++) {
                code[4 * i + b] = (byte) (LOOP[i] >>> (8 * b));
            }
        }
        ElfSegment text = new ElfSegment(MachineConfig.RAM_BASE, MachineConfig.RAM_BASE, code, 8192, 5);
        return ElfImage.of(xlen, MachineConfig.RAM_BASE, List.of(text), List.of());
    }

    /** Runs the loop for {@code instructions} on a fresh one-hart machine of {@code xlen}; returns that machine. */
    public static Machine run(int xlen, long instructions) {
        return run(xlen, instructions, () -> false);
    }

    /**
     * Runs the loop on a fresh one-hart machine of {@code xlen} in steps of {@value #STEP} instructions until
     * {@code instructions} ran or {@code stop} says so (checked before each step); returns that machine.
     */
    public static Machine run(int xlen, long instructions, BooleanSupplier stop) {
        Machine m = new Machine(MachineConfig.defaults(xlen), ConsoleSink.discard(), InputSource.none());
        m.load(image(xlen));
        while (m.time() < instructions && !stop.getAsBoolean()) {
            m.run(Math.min(STEP, instructions - m.time()));
        }
        return m;
    }

    static final long STEP = 10_000;
}
