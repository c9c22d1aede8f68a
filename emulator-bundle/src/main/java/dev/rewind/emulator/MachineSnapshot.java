package dev.rewind.emulator;

import dev.rewind.emulator.cpu.Hart;
import dev.rewind.emulator.mem.MemoryImage;
import java.util.List;

/**
 * An immutable capture of a whole machine: harts, devices, HTIF, scheduler position, virtual time and RAM
 * (pages shared copy-on-write with the live machine and other snapshots). Restore it with
 * {@link Machine#restore(MachineSnapshot)} on the machine it came from (or one of identical configuration
 * with the same image loaded).
 */
public final class MachineSnapshot {
    final MachineConfig config;
    final Hart[] harts;
    final List<byte[]> deviceStates;
    final byte[] htifState;
    final MemoryImage memory;
    final long time;
    final int currentHart;
    final long slotsLeft;
    final boolean exited;
    final int exitCode;

    MachineSnapshot(MachineConfig config, Hart[] harts, List<byte[]> deviceStates, byte[] htifState,
            MemoryImage memory, long time, int currentHart, long slotsLeft, boolean exited, int exitCode) {
        this.config = config;
        this.harts = harts;
        this.deviceStates = deviceStates;
        this.htifState = htifState;
        this.memory = memory;
        this.time = time;
        this.currentHart = currentHart;
        this.slotsLeft = slotsLeft;
        this.exited = exited;
        this.exitCode = exitCode;
    }

    /** Virtual time at which the snapshot was taken. */
    public long time() {
        return time;
    }

    public MachineConfig config() {
        return config;
    }

    /** Instructions retired by {@code hart} at the snapshot. */
    public long retired(int hart) {
        return harts[hart].retired();
    }

    /** The RAM image (for inspecting sharing and size). */
    public MemoryImage memory() {
        return memory;
    }
}
