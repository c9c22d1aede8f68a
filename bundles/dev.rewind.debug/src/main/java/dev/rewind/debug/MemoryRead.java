package dev.rewind.debug;

/**
 * The result of a memory read: the bytes that could be read from {@code address} on ({@code data.length} may be
 * shorter than asked when the range runs into memory that does not exist), and why the rest could not be read.
 */
public record MemoryRead(long address, byte[] data, int requested, String error) {

    public boolean complete() {
        return data.length == requested;
    }
}
