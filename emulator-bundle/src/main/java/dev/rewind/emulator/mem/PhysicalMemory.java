package dev.rewind.emulator.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * RAM: a flat array ({@link #ram}) for its first pages (at most 256 MiB) and pages of their own past it, allocated at
 * their first write (see {@link RamArrays}): a small program costs a small array, a stack at the top of a big RAM the
 * pages it touches. The array never changes during a region run or a block chain: a write past it gives the page an
 * array of its own (slow path, tag -1), and {@link #settle} (called by the interpreter before it runs a region or a
 * chain) grows the array and moves such pages into it, so translated code keeps the array and its length checks for the
 * whole run. Nothing is cut there: growth depends on the host's history (a restore never shrinks the array), so a cut
 * would change block boundaries between a run and its re-run. Snapshots keep page contents in a {@link PageStore}: each
 * page records the stored page it equals ({@code origin}) or that it is dirty; the first store to a clean page after a
 * snapshot or restore takes the slow path once and marks it dirty, a {@link #snapshot()} copies the dirty pages into
 * the store, and a {@link #restore} copies back the pages that differ from the image.
 *
 * <p>Per-page {@link PageFlags flags} decide the fast path through tag tables ({@link #loadTags}, {@link #storeTags}:
 * {@code p} for a page p that may be accessed directly, -1 for pages that must take the slow path: watchpoints,
 * clean pages, decoded code, reservations, HTIF mailboxes, past RAM). An access of {@code len} bytes at RAM offset
 * {@code off} is on the fast path iff {@code tags[(off >>> 12) & (tags.length - 1)] == (off + len - 1) >>> 12}: one
 * compare for the flags, page crossings and RAM's bounds. The tables have a power-of-two length, the page count
 * rounded up ({@link #tagEntries}; -1 past RAM): a page number p at or past it reads the tag of a lower page
 * {@code p & (length - 1)} or -1, neither equal to the last page q >= p, so the index needs no bounds check of its
 * own, and C2 folds the array's range check of {@code x & (length - 1)} into {@code length > 0} (once per region).
 * Public for the hot loops, written only here.
 *
 * <p>Taking and restoring images is in {@code Snapshots}, content hashes in {@code PageHashes}.
 */
public final class PhysicalMemory extends RamArrays {

    public static final int PAGE_BITS = 12;
    public static final int PAGE_SIZE = 1 << PAGE_BITS;
    public static final int PAGE_MASK = PAGE_SIZE - 1;

    public static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** {@link #origin} of a page written since it last equalled a stored page. */
    static final int DIRTY = -1;

    final long base;
    final long size;
    /** Per page: the stored page (handle, 0 = zeros) whose contents it has, or {@link #DIRTY}. */
    final int[] origin;
    /** The dirty pages, in the order they were first written. */
    final int[] dirty;
    int dirtyCount;
    final PageStore store = new PageStore();
    /**
     * The chunks of {@link #origin} as of the last snapshot or restore (shared with images, one reference each);
     * {@code changed[c]} once an entry of chunk {@code c} may differ from {@code origin}.
     */
    final Chunk[] current;
    final boolean[] changed;
    private final Journal journal = new Journal();

    private static int pages(long base, long size) {
        if (size <= 0 || (size & PAGE_MASK) != 0 || size > (2L << 30)) {
            throw new IllegalArgumentException("RAM size must be a positive multiple of 4096 up to 2 GiB: " + size);
        }
        if ((base & PAGE_MASK) != 0) {
            throw new IllegalArgumentException("RAM base must be page aligned: " + Long.toHexString(base));
        }
        return Math.toIntExact(size >>> PAGE_BITS);
    }

    public PhysicalMemory(long base, long size) {
        this(base, size, FLAT_CAP);
    }

    /** A memory whose flat array holds at most {@code maxFlat} pages (tests of the pages past it). */
    PhysicalMemory(long base, long size, int maxFlat) {
        super(pages(base, size), maxFlat);
        this.base = base;
        this.size = size;
        this.origin = new int[pageCount];
        this.dirty = new int[pageCount];
        for (int p = 0; p < pageCount; p++) {
            flags[p] = PageFlags.CLEAN;
            refresh(p);
        }
        int chunks = (pageCount + Chunk.PAGES - 1) >>> Chunk.BITS;
        this.current = new Chunk[chunks];
        this.changed = new boolean[chunks];
        for (int c = 0; c < chunks; c++) {
            current[c] = new Chunk(store, new int[chunkLength(c)]);
            current[c].retain();
        }
    }

    int chunkLength(int c) {
        return Math.min(Chunk.PAGES, pageCount - (c << Chunk.BITS));
    }

    public long base() {
        return base;
    }

    public long size() {
        return size;
    }

    public int pageCount() {
        return pageCount;
    }

    /** Whether {@code [addr, addr+len)} lies inside RAM. */
    public boolean contains(long addr, long len) {
        long off = addr - base;
        return off >= 0 && len >= 0 && off <= size - len;
    }

    /** Page index of a RAM address (caller checked {@link #contains}). */
    public int pageOf(long addr) {
        return (int) ((addr - base) >>> PAGE_BITS);
    }

    public int flags(int page) {
        return flags[page] & 0xFF;
    }

    public void setFlag(int page, int flag, boolean on) {
        int f = on ? flags[page] | flag : flags[page] & ~flag;
        if ((byte) f != flags[page]) {
            flags[page] = (byte) f;
            refresh(page);
        }
    }

    /** Page {@code p} is about to be written: covers it and marks it dirty (and saves it for a mark) as needed. */
    void prepareWrite(int p) {
        cover(p);
        if (journal.marked) {
            journal.firstWrite(this, p, array(p), start(p));
        }
        if (origin[p] != DIRTY) {
            store.release(origin[p]);
            origin[p] = DIRTY;
            changed[p >>> Chunk.BITS] = true;
            dirty[dirtyCount++] = p;
            flags[p] &= ~PageFlags.CLEAN;
            refresh(p);
        }
    }

    /**
     * Marks the present contents so that {@link #rollback} can bring them back: a light, short-lived checkpoint
     * that copies nothing now, only each page's old contents at its first store after the mark (and not even that
     * for pages that equal a stored page). One mark at a time; {@link #snapshot()} and {@link #restore} drop it.
     */
    public void mark() {
        journal.mark(this);
    }

    /** Whether a {@link #mark()} is set. */
    public boolean marked() {
        return journal.marked;
    }

    /**
     * Brings back the contents at the {@link #mark()}, telling {@code replaced} each page it changed, and drops the
     * mark.
     *
     * @throws IllegalStateException if no mark is set
     */
    public void rollback(java.util.function.IntConsumer replaced) {
        journal.rollback(this, replaced);
    }

    /** Forgets the {@link #mark()} (if any), keeping the present contents. */
    public void dropMark() {
        journal.drop(this);
    }

    /** Little-endian read of 1, 2, 4 or 8 bytes, zero-extended; may cross pages. No side effects. */
    public long read(long addr, int len) {
        long off = addr - base;
        int o = (int) (off & PAGE_MASK);
        if (o + len <= PAGE_SIZE) {
            int p = (int) (off >>> PAGE_BITS);
            byte[] pg = array(p);
            o += start(p);
            return switch (len) {
                case 1 -> pg[o] & 0xFFL;
                case 2 -> (short) I16.get(pg, o) & 0xFFFFL;
                case 4 -> (int) I32.get(pg, o) & 0xFFFFFFFFL;
                default -> (long) I64.get(pg, o);
            };
        }
        long v = 0;
        for (int i = 0; i < len; i++) {
            v |= read(addr + i, 1) << (8 * i);
        }
        return v;
    }

    /** Little-endian write of the low {@code len} bytes; may cross pages. Dirty-page bookkeeping only, no other effects. */
    public void write(long addr, int len, long value) {
        long off = addr - base;
        int o = (int) (off & PAGE_MASK);
        if (o + len <= PAGE_SIZE) {
            int p = (int) (off >>> PAGE_BITS);
            prepareWrite(p);
            byte[] pg = array(p);
            o += start(p);
            switch (len) {
                case 1 -> pg[o] = (byte) value;
                case 2 -> I16.set(pg, o, (short) value);
                case 4 -> I32.set(pg, o, (int) value);
                default -> I64.set(pg, o, value);
            }
            return;
        }
        for (int i = 0; i < len; i++) {
            write(addr + i, 1, value >>> (8 * i));
        }
    }

    /** Copies bytes out of RAM (range checked by the caller). */
    public void readBytes(long addr, byte[] dst, int off, int len) {
        for (int i = 0; i < len; ) {
            long a = addr + i;
            int o = (int) ((a - base) & PAGE_MASK);
            int n = Math.min(len - i, PAGE_SIZE - o);
            int p = pageOf(a);
            System.arraycopy(array(p), start(p) + o, dst, off + i, n);
            i += n;
        }
    }

    /** Copies bytes into RAM (range checked by the caller). */
    public void writeBytes(long addr, byte[] src, int off, int len) {
        for (int i = 0; i < len; ) {
            long a = addr + i;
            int o = (int) ((a - base) & PAGE_MASK);
            int n = Math.min(len - i, PAGE_SIZE - o);
            int p = pageOf(a);
            prepareWrite(p);
            System.arraycopy(src, off + i, array(p), start(p) + o, n);
            i += n;
        }
    }

    /**
     * An immutable image of all pages. Costs a copy of each page written since the last snapshot or restore (only
     * those changed) plus a page table, not the size of RAM; nothing is copied on later stores.
     */
    public MemoryImage snapshot() {
        return Snapshots.snapshot(this);
    }

    /** Makes RAM equal to {@code image}. Flags other than CLEAN stay. */
    public void restore(MemoryImage image) {
        restore(image, p -> {
        });
    }

    /**
     * {@link #restore(MemoryImage)}, telling {@code replaced} each page whose contents it replaced (after the
     * change). Copies the pages that differ from the image: those written since it was taken, and since the last
     * snapshot or restore.
     *
     * @throws IllegalStateException    if the image was released
     * @throws IllegalArgumentException if the image is of a memory of another layout
     */
    public void restore(MemoryImage image, java.util.function.IntConsumer replaced) {
        Snapshots.restore(this, image, replaced);
    }

    /** Pages that snapshots of this memory hold now (each once, however many images share it). */
    public long storedPages() {
        return store.storedPages();
    }

    /** Bytes allocated for stored pages: held pages plus free slots kept for reuse. */
    public long storeBytes() {
        return store.slabBytes();
    }

    /** Deterministic 64-bit hash of RAM contents (all-zero pages hash like absent ones). */
    public long contentHash() {
        return PageHashes.content(this);
    }
}
