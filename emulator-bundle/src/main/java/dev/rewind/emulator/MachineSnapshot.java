package dev.rewind.emulator;

import dev.rewind.emulator.cpu.Hart;
import dev.rewind.emulator.mem.MemoryImage;
import java.util.List;

/**
 * An immutable capture of a whole machine: harts, devices, HTIF, scheduler position and held harts, virtual time and RAM
 * (unchanged pages shared with other snapshots). Restore it with
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
    /** The held harts (bit i = hart i). */
    final long held;

    MachineSnapshot(MachineConfig config, Hart[] harts, List<byte[]> deviceStates, byte[] htifState,
            MemoryImage memory, long time, int currentHart, long slotsLeft, boolean exited, int exitCode, long held) {
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
        this.held = held;
    }

    /** The harts held at the snapshot (bit i = hart i; see {@link Machine#setHeld(long)}). */
    public long held() {
        return held;
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

    /**
     * Frees the memory pages only this snapshot holds, at once (otherwise they are freed some time after the
     * snapshot becomes unreachable). The snapshot cannot be restored afterwards. Call it on the thread that drives
     * the machine. Idempotent.
     */
    public void release() {
        if (memory != null) {
            memory.release();
        }
    }

    /** The RAM image (for inspecting sharing and size). */
    public MemoryImage memory() {
        return memory;
    }
}
