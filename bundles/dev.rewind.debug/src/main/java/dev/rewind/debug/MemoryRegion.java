package dev.rewind.debug;

/** A window of the machine's physical address space: RAM, ROM or a device's registers. */
public record MemoryRegion(long start, long length, Kind kind, String name) {

    /** What is there. */
    public enum Kind {
        RAM, ROM, DEVICE
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address - start, length) < 0;
    }
}
