package dev.rewind.emulator.device;

/**
 * A memory-mapped device on the machine's bus.
 *
 * <p>Devices see only virtual time (through {@link DeviceContext#now()}), never host time, so a
 * machine with the same program and the same inputs behaves identically on every run. All state a
 * device holds must be captured by {@link #saveState()} and restored by {@link #restoreState(byte[])}:
 * time travel restores snapshots and replays from them.
 *
 * <p>Accesses are always naturally sized (1, 2, 4 or 8 bytes); the offset is relative to {@link #base()}.
 */
public interface MmioDevice {

    /** A short stable name, used in memory maps, messages and state hashes ("uart0", "clint"). */
    String name();

    /** First physical address of the device's window. */
    long base();

    /** Size of the device's window in bytes. */
    long size();

    /** Called once when the device is attached to a machine, before any access. */
    void attach(DeviceContext context);

    /**
     * Reads {@code size} bytes at {@code offset}; the result is zero-extended.
     *
     * @throws DeviceAccessException when the access is not supported (the hart takes an access fault)
     */
    long read(long offset, int size);

    /**
     * Writes the low {@code size} bytes of {@code value} at {@code offset}.
     *
     * @throws DeviceAccessException when the access is not supported (the hart takes an access fault)
     */
    void write(long offset, int size, long value);

    /**
     * Lets the device act on the passage of virtual time (raise a timer interrupt, accept an input
     * byte). The machine calls this at deterministic points, at least whenever {@code now} reaches
     * {@link #nextEventTime()}.
     */
    default void tick(long now) {
    }

    /** The earliest virtual time at which the device wants a {@link #tick(long)}, or {@code Long.MAX_VALUE}. */
    default long nextEventTime() {
        return Long.MAX_VALUE;
    }

    /** The device's whole state as bytes: deterministic, self-contained, restorable. */
    byte[] saveState();

    /** Restores a state produced by {@link #saveState()} of a device of the same kind and configuration. */
    void restoreState(byte[] state);
}
