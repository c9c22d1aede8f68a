package dev.rewind.emulator.mem;

/** Immutable RAM contents captured by {@link PhysicalMemory#snapshot()}; pages are never modified. */
public final class MemoryImage {
    private final long base;
    private final long size;
    private final byte[][] pages;

    MemoryImage(long base, long size, byte[][] pages) {
        this.base = base;
        this.size = size;
        this.pages = pages;
    }

    public long base() {
        return base;
    }

    public long size() {
        return size;
    }

    /** Number of pages that hold data (the rest read as zero). */
    public int allocatedPages() {
        int n = 0;
        for (byte[] p : pages) {
            if (p != null) {
                n++;
            }
        }
        return n;
    }

    /** Whether page {@code p} is the same object in both images (shared, not copied). */
    public boolean sharesPage(MemoryImage other, int p) {
        return pages[p] == other.pages[p];
    }

    byte[][] pagesCopy() {
        return pages.clone();
    }
}
