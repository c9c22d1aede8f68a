package dev.rewind.emulator.mem;

/** Content hashes of RAM and of single pages (state hashes, snapshot comparisons). */
final class PageHashes {

    private PageHashes() {
    }

    /** {@link PhysicalMemory#contentHash()}: RAM contents, all-zero pages hashed like absent ones. */
    static long content(PhysicalMemory m) {
        long h = 0x9E3779B97F4A7C15L ^ m.size;
        for (int p = 0; p < m.pageCount; p++) {
            int o = m.origin[p];
            if (o == 0) {
                continue;
            }
            // a clean page has its stored page's contents, whose hash the store keeps
            long ph = o == PhysicalMemory.DIRTY ? page(m.array(p), m.start(p)) : m.store.pageHash(o);
            if (ph != ZERO_PAGE) {
                h = Long.rotateLeft(h ^ (ph + p * 0xC2B2AE3D27D4EB4FL), 27) * 0x9E3779B97F4A7C15L;
            }
        }
        return h;
    }

    /** {@link #page}'s answer for a page of zeros (which {@link #content} leaves out). */
    static final long ZERO_PAGE = Long.MIN_VALUE;

    /** Hash of the 4 KiB at {@code off} of {@code b}, or {@link #ZERO_PAGE} if they are all zero. */
    static long page(byte[] b, int off) {
        long ph = 0;
        boolean nonZero = false;
        for (int o = 0; o < PhysicalMemory.PAGE_SIZE; o += 8) {
            long v = (long) PhysicalMemory.I64.get(b, off + o);
            nonZero |= v != 0;
            ph = (ph ^ v) * 0x100000001B3L + o;
        }
        return nonZero ? ph : ZERO_PAGE;
    }
}
