package dev.rewind.emulator.device;

/**
 * Physical memory as devices that work on RAM (such as {@link Htif}) see it: little-endian, no side
 * effects besides the access itself (no watchpoints, no reservations broken beyond what a store does).
 * The machine's memory implements or provides it.
 */
public interface MemoryPort {

    /**
     * Reads {@code size} (1, 2, 4 or 8) bytes at physical address {@code addr}, little-endian, zero-extended.
     *
     * @throws RuntimeException (implementation-specific) when the range is not backed by memory
     */
    long read(long addr, int size);

    /** Writes the low {@code size} (1, 2, 4 or 8) bytes of {@code value} at physical address {@code addr}. */
    void write(long addr, int size, long value);
}
