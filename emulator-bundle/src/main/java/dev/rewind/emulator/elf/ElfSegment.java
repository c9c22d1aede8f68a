package dev.rewind.emulator.elf;

import java.util.Objects;

/**
 * One {@code PT_LOAD} program header with its file bytes. The loader copies {@link #data()} to
 * {@link #paddr()} and zero-fills up to {@link #memSize()}.
 *
 * @param paddr   physical (load) address, where the bytes go in memory
 * @param vaddr   virtual (run) address
 * @param data    the segment's {@code p_filesz} bytes from the file (a copy is kept and handed out)
 * @param memSize {@code p_memsz}, at least {@code data.length}
 * @param flags   {@code p_flags}: {@link #PF_X}, {@link #PF_W}, {@link #PF_R}
 */
public record ElfSegment(long paddr, long vaddr, byte[] data, long memSize, int flags) {

    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;

    public ElfSegment {
        data = Objects.requireNonNull(data, "data").clone();
        if (memSize < data.length) {
            throw new IllegalArgumentException("memSize " + memSize + " smaller than data length " + data.length);
        }
    }

    /** A copy of the segment's file bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Number of file bytes (without copying them). */
    public int fileSize() {
        return data.length;
    }

    /** Copies {@code len} file bytes starting at {@code from} into {@code dst} at {@code dstOff}. */
    public void copyData(int from, byte[] dst, int dstOff, int len) {
        System.arraycopy(data, from, dst, dstOff, len);
    }

    public boolean executable() {
        return (flags & PF_X) != 0;
    }

    public boolean writable() {
        return (flags & PF_W) != 0;
    }

    public boolean readable() {
        return (flags & PF_R) != 0;
    }

    /** Physical address one past the segment's last byte (unsigned; may be 2^64 wrapped to 0 only in theory). */
    public long paddrEnd() {
        return paddr + memSize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElfSegment s && paddr == s.paddr && vaddr == s.vaddr && memSize == s.memSize
                && flags == s.flags && java.util.Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(paddr, vaddr, memSize, flags, java.util.Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return String.format("ElfSegment[paddr=0x%x, vaddr=0x%x, fileSize=0x%x, memSize=0x%x, flags=%s%s%s]",
                paddr, vaddr, data.length, memSize, readable() ? "R" : "-", writable() ? "W" : "-",
                executable() ? "X" : "-");
    }
}
