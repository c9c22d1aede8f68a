package dev.rewind.emulator.mem;

import static dev.rewind.emulator.mem.PhysicalMemory.PAGE_BITS;
import static dev.rewind.emulator.mem.PhysicalMemory.PAGE_SIZE;

import java.util.Arrays;

/**
 * Where RAM's bytes are, and the fast-path tag tables ({@link PhysicalMemory}'s class comment): one flat array
 * ({@link #ram}) for the first pages, at most {@link #FLAT_CAP} of them, grown (doubling, to cover the pages) at the
 * {@link #settle} after a write past it (until then such a page has an array of its own); pages past the cap in
 * arrays of one page each, allocated at their first write, always on the
 * slow path. A page not yet written reads as zeros. The cap is a constant (not the host's heap), so every machine
 * takes the same path for the same access.
 */
abstract class RamArrays {

    /** Pages {@link #ram} covers at first (it grows as needed). */
    static final int INITIAL_PAGES = 256;

    /**
     * Pages {@link #ram} covers at most: 256 MiB. The default RAM (128 MiB) and 256 MiB are all on the fast path; a
     * guest of a bigger RAM writing at its top (a stack there) costs the pages it writes, not an array up to the top
     * (1 GiB RAM: 1 GiB at the first push, OutOfMemoryError with -Xmx1g). Enough for the guests we run.
     */
    static final int FLAT_CAP = 1 << 16;

    /**
     * Entries of the tag tables of a RAM of {@code pages} pages: the page count rounded up to a power of two, at least
     * 2. An access whose last byte's offset wraps around 2^32 (RV32) or 2^64 (RV64) has q = 0 and the masked index
     * {@code length - 1} (all ones): with two entries or more that entry's tag is not 0.
     */
    public static int tagEntries(int pages) {
        return pages <= 2 ? 2 : Integer.highestOneBit(pages - 1) << 1;
    }

    final int pageCount;
    /** Pages {@link #ram} may grow to cover: the page count or {@link #FLAT_CAP}, whichever is smaller. */
    private final int limit;
    /** Pages {@link #ram} covers now; those from here to {@link #limit} are zeros. */
    int flatPages;
    /** RAM bytes at offsets {@code [0, flatPages * 4096)}. Replaced only by {@link #settle}. */
    public byte[] ram;
    /**
     * Pages from {@link #flatPages} to {@link #limit} written since the last {@link #settle}, one array each (slow
     * path), {@code null} if not; allocated at the first such write. Code that holds {@link #ram} in a local (a
     * translated region's run, the interpreter's block chain) is entered after a {@link #settle}, so the array never
     * changes under it.
     */
    private byte[][] pending;
    /** The highest page in {@link #pending}, -1 if none. */
    private int pendingMax = -1;
    private int pendingCount;
    /** Pages from {@link #limit} on, one array each, {@code null} until written. */
    private final byte[][] high;
    private int highCount;
    private final byte[] zeroPage = new byte[PAGE_SIZE];
    final byte[] flags;
    /** Per page: itself if loads may access it directly, else -1 (see {@link PhysicalMemory}). */
    public final int[] loadTags;
    /** Per page: itself if stores may access it directly, else -1. */
    public final int[] storeTags;

    RamArrays(int pageCount, int maxFlat) {
        this.pageCount = pageCount;
        this.limit = Math.min(pageCount, maxFlat);
        this.flatPages = Math.min(limit, INITIAL_PAGES);
        this.ram = new byte[flatPages << PAGE_BITS];
        this.high = new byte[pageCount - limit][];
        this.flags = new byte[pageCount];
        this.loadTags = new int[tagEntries(pageCount)];
        this.storeTags = new int[loadTags.length];
        Arrays.fill(loadTags, -1);
        Arrays.fill(storeTags, -1);
    }

    void refresh(int p) {
        int f = flags[p];
        loadTags[p] = p < flatPages && (f & PageFlags.LOAD_SLOW) == 0 ? p : -1;
        storeTags[p] = p < flatPages && (f & PageFlags.STORE_SLOW) == 0 ? p : -1;
    }

    /** The array that holds page {@code p}: {@link #ram}, its own page, or zeros (do not write those: {@link #cover}). */
    final byte[] array(int p) {
        if (p < flatPages) {
            return ram;
        }
        byte[] a = p >= limit ? high[p - limit] : pending != null ? pending[p] : null;
        return a != null ? a : zeroPage;
    }

    /** Where page {@code p} starts in {@link #array}. */
    final int start(int p) {
        return p < flatPages ? p << PAGE_BITS : 0;
    }

    /**
     * Makes page {@code p} writable: past the flat array, its own page (past the cap for good, below it until the
     * next {@link #settle} moves it into a grown {@link #ram}).
     */
    final void cover(int p) {
        if (p < flatPages) {
            return;
        }
        if (p >= limit) {
            if (high[p - limit] == null) {
                high[p - limit] = new byte[PAGE_SIZE];
                highCount++;
            }
            return;
        }
        if (pending == null) {
            pending = new byte[limit][];
        }
        if (pending[p] == null) {
            pending[p] = new byte[PAGE_SIZE];
            pendingCount++;
            pendingMax = Math.max(pendingMax, p);
        }
    }

    /**
     * Moves the pages written past {@link #ram} since the last call into it: grows it (doubling, to cover them) and
     * puts them on the fast path. Called where no code holds the array: before the interpreter runs a region, at the
     * start of its block chain ({@code BlockExec}). Whether and when it grows never changes what the guest sees (only which accesses take the slow
     * path, which has no effect of its own), so it may depend on the host's history (restores never shrink it).
     */
    public final void settle() {
        if (pendingMax >= 0) {
            grow();
        }
    }

    private void grow() {
        int n = (int) Math.min(limit, Math.max(pendingMax + 1L, 2L * flatPages));
        byte[] a = Arrays.copyOf(ram, n << PAGE_BITS);
        int from = flatPages;
        for (int q = from; q < n; q++) {
            if (pending[q] != null) {
                System.arraycopy(pending[q], 0, a, q << PAGE_BITS, PAGE_SIZE);
                pending[q] = null;
            }
        }
        ram = a;
        flatPages = n;
        pending = null; // all moved: n covers pendingMax
        pendingMax = -1;
        pendingCount = 0;
        for (int q = from; q < n; q++) {
            refresh(q);
        }
    }

    /** Bytes allocated for RAM's contents: the flat array plus the pages past it. */
    public final long allocatedBytes() {
        return ram.length + (long) (highCount + pendingCount) * PAGE_SIZE;
    }
}
