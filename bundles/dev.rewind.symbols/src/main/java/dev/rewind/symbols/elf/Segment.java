package dev.rewind.symbols.elf;

/**
 * A PT_LOAD program header.
 *
 * @param offset   file offset of the segment's bytes
 * @param vaddr    virtual address
 * @param paddr    physical (load) address
 * @param fileSize bytes present in the file
 * @param memSize  bytes in memory (the rest is zero)
 * @param flags    PF_X = 1, PF_W = 2, PF_R = 4
 */
public record Segment(long offset, long vaddr, long paddr, long fileSize, long memSize, int flags) {

    public boolean executable() {
        return (flags & 1) != 0;
    }

    public boolean writable() {
        return (flags & 2) != 0;
    }

    public boolean readable() {
        return (flags & 4) != 0;
    }

    /** Whether {@code address} lies in {@code [vaddr, vaddr + memSize)}. */
    public boolean contains(long address) {
        return Long.compareUnsigned(address - vaddr, memSize) < 0;
    }
}
