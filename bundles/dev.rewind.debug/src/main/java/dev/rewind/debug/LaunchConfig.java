package dev.rewind.debug;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to launch: the ELF, its machine and its history. {@code snapshotInterval} 0 turns time travel off;
 * {@code quantum} 0 and {@code ramSize} 0 take the engine's defaults. {@code instrumentation} asks observers of the
 * session's machine to attach (the debug services do not read it): {@code "trace"} = what to trace, as
 * {@code rewind trace --what} ({@code calls,traps,mem=SYMBOL}); {@code "plugins"} = {@code "true"} for the plugin
 * runtime's registered plugins (bundles/dev.rewind.bus/TOPICS.md).
 */
public record LaunchConfig(Path program, int harts, long ramSize, int quantum, long snapshotInterval,
        int hardwareTriggersPerHart, Map<String, String> instrumentation) {

    public static final long DEFAULT_SNAPSHOT_INTERVAL = 200_000;

    public LaunchConfig {
        Objects.requireNonNull(program, "program");
        if (harts < 1 || harts > 64) {
            throw new IllegalArgumentException("harts must be 1..64, not " + harts);
        }
        if (ramSize < 0 || quantum < 0 || snapshotInterval < 0 || hardwareTriggersPerHart < 0) {
            throw new IllegalArgumentException("negative launch option");
        }
        instrumentation = Map.copyOf(instrumentation);
    }

    /** Without instrumentation. */
    public LaunchConfig(Path program, int harts, long ramSize, int quantum, long snapshotInterval,
            int hardwareTriggersPerHart) {
        this(program, harts, ramSize, quantum, snapshotInterval, hardwareTriggersPerHart, Map.of());
    }

    /** One hart, default RAM and quantum, history on, 4 hardware triggers per hart. */
    public static LaunchConfig of(Path program) {
        return new LaunchConfig(program, 1, 0, 0, DEFAULT_SNAPSHOT_INTERVAL, 4);
    }

    public LaunchConfig withHarts(int n) {
        return new LaunchConfig(program, n, ramSize, quantum, snapshotInterval, hardwareTriggersPerHart,
                instrumentation);
    }

    public LaunchConfig withRamSize(long bytes) {
        return new LaunchConfig(program, harts, bytes, quantum, snapshotInterval, hardwareTriggersPerHart,
                instrumentation);
    }

    public LaunchConfig withQuantum(int q) {
        return new LaunchConfig(program, harts, ramSize, q, snapshotInterval, hardwareTriggersPerHart,
                instrumentation);
    }

    /** 0 turns time travel off. */
    public LaunchConfig withSnapshotInterval(long instructions) {
        return new LaunchConfig(program, harts, ramSize, quantum, instructions, hardwareTriggersPerHart,
                instrumentation);
    }

    public LaunchConfig withHardwareTriggers(int perHart) {
        return new LaunchConfig(program, harts, ramSize, quantum, snapshotInterval, perHart, instrumentation);
    }

    /** Asks the observer {@code key} ({@code trace}, {@code plugins}) to attach with {@code value}; null removes it. */
    public LaunchConfig withInstrumentation(String key, String value) {
        Map<String, String> m = new TreeMap<>(instrumentation);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return new LaunchConfig(program, harts, ramSize, quantum, snapshotInterval, hardwareTriggersPerHart, m);
    }

    public boolean history() {
        return snapshotInterval > 0;
    }
}
