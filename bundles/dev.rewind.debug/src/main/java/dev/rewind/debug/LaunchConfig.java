package dev.rewind.debug;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to launch: the ELF, its machine and its history. {@code snapshotInterval} 0 turns time travel off;
 * {@code quantum} 0 and {@code ramSize} 0 take the engine's defaults.
 */
public record LaunchConfig(Path program, int harts, long ramSize, int quantum, long snapshotInterval,
        int hardwareTriggersPerHart) {

    public static final long DEFAULT_SNAPSHOT_INTERVAL = 200_000;

    public LaunchConfig {
        Objects.requireNonNull(program, "program");
        if (harts < 1 || harts > 64) {
            throw new IllegalArgumentException("harts must be 1..64, not " + harts);
        }
        if (ramSize < 0 || quantum < 0 || snapshotInterval < 0 || hardwareTriggersPerHart < 0) {
            throw new IllegalArgumentException("negative launch option");
        }
    }

    /** One hart, default RAM and quantum, history on, 4 hardware triggers per hart. */
    public static LaunchConfig of(Path program) {
        return new LaunchConfig(program, 1, 0, 0, DEFAULT_SNAPSHOT_INTERVAL, 4);
    }

    public LaunchConfig withHarts(int n) {
        return new LaunchConfig(program, n, ramSize, quantum, snapshotInterval, hardwareTriggersPerHart);
    }

    public LaunchConfig withRamSize(long bytes) {
        return new LaunchConfig(program, harts, bytes, quantum, snapshotInterval, hardwareTriggersPerHart);
    }

    public LaunchConfig withQuantum(int q) {
        return new LaunchConfig(program, harts, ramSize, q, snapshotInterval, hardwareTriggersPerHart);
    }

    /** 0 turns time travel off. */
    public LaunchConfig withSnapshotInterval(long instructions) {
        return new LaunchConfig(program, harts, ramSize, quantum, instructions, hardwareTriggersPerHart);
    }

    public LaunchConfig withHardwareTriggers(int perHart) {
        return new LaunchConfig(program, harts, ramSize, quantum, snapshotInterval, perHart);
    }

    public boolean history() {
        return snapshotInterval > 0;
    }
}
