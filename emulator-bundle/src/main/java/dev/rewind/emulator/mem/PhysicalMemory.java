package dev.rewind.emulator.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * RAM as 4 KiB pages. Pages are allocated on first write ({@code null} reads as zero) and shared
 * copy-on-write with {@link MemoryImage snapshots}. Per-page {@link PageFlags flags} decide whether a
 * page is on the fast path: {@link #loadPages} / {@link #storePages} hold the page for pages the
 * interpreter may access directly and {@code null} for pages that must take the slow path (watchpoints,
 * copy-on-write sharing, decoded code, reservations, HTIF mailboxes, not yet allocated). The arrays are
 * public for the interpreter's hot loop; only this class writes them.
 */
public final class PhysicalMemory {

    public static final int PAGE_BITS = 12;
    public static final int PAGE_SIZE = 1 << PAGE_BITS;
    public static final int PAGE_MASK = PAGE_SIZE - 1;

    public static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long base;
    private final long size;
    private final int pageCount;
    private final byte[] zeroPage = new byte[PAGE_SIZE];
    private byte[][] pages;
    private final byte[] flags;
    /** Fast-path page for loads or {@code null}. */
    public final byte[][] loadPages;
    /** Fast-path page for stores or {@code null}. */
    public final byte[][] storePages;
    /** Pages this memory owns alone (allocated or copied since the last snapshot or restore), in order. */
    private final int[] owned;
    private int ownedCount;
    /** Owned page arrays dropped by a restore, reused by copy-on-write (replays rewrite the same pages). */
    private final byte[][] spare = new byte[SPARE_PAGES][];
    private int spareCount;
    private static final int SPARE_PAGES = 2048;

    public PhysicalMemory(long base, long size) {
        if (size <= 0 || (size & PAGE_MASK) != 0 || size > (1L << 40)) {
            throw new IllegalArgumentException("RAM size must be a positive multiple of 4096 up to 1 TiB: " + size);
        }
        if ((base & PAGE_MASK) != 0) {
            throw new IllegalArgumentException("RAM base must be page aligned: " + Long.toHexString(base));
        }
        this.base = base;
        this.size = size;
        this.pageCount = Math.toIntExact(size >>> PAGE_BITS);
        this.pages = new byte[pageCount][];
        this.flags = new byte[pageCount];
        this.loadPages = new byte[pageCount][];
        this.storePages = new byte[pageCount][];
        this.owned = new int[pageCount];
        for (int p = 0; p < pageCount; p++) {
            refresh(p);
        }
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
        return flags[page];
    }

    public void setFlag(int page, int flag, boolean on) {
        int f = on ? flags[page] | flag : flags[page] & ~flag;
        if (f != flags[page]) {
            flags[page] = (byte) f;
            refresh(page);
        }
    }

    private void refresh(int p) {
        int f = flags[p];
        byte[] pg = pages[p];
        loadPages[p] = (f & PageFlags.LOAD_SLOW) != 0 ? null : pg == null ? zeroPage : pg;
        storePages[p] = (f & PageFlags.STORE_SLOW) != 0 ? null : pg;
    }

    /** The page for reading (never {@code null}; an unallocated page reads as zeros). Do not modify. */
    public byte[] readablePage(int p) {
        byte[] pg = pages[p];
        return pg == null ? zeroPage : pg;
    }

    /** The page for writing: allocates it or breaks copy-on-write sharing as needed. */
    public byte[] writablePage(int p) {
        byte[] pg = pages[p];
        if (pg == null) {
            pg = spareCount > 0 ? zeroed(spare[--spareCount]) : new byte[PAGE_SIZE];
            pages[p] = pg;
            owned[ownedCount++] = p;
            refresh(p);
        } else if ((flags[p] & PageFlags.SHARED) != 0) {
            byte[] copy;
            if (spareCount > 0) {
                copy = spare[--spareCount];
                System.arraycopy(pg, 0, copy, 0, PAGE_SIZE);
            } else {
                copy = pg.clone();
            }
            pg = copy;
            pages[p] = pg;
            owned[ownedCount++] = p;
            flags[p] &= ~PageFlags.SHARED;
            refresh(p);
        }
        return pg;
    }

    /** Little-endian read of 1, 2, 4 or 8 bytes, zero-extended; may cross pages. No side effects. */
    public long read(long addr, int len) {
        long off = addr - base;
        int o = (int) (off & PAGE_MASK);
        if (o + len <= PAGE_SIZE) {
            byte[] pg = readablePage((int) (off >>> PAGE_BITS));
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

    /** Little-endian write of the low {@code len} bytes; may cross pages. Copy-on-write only, no other effects. */
    public void write(long addr, int len, long value) {
        long off = addr - base;
        int o = (int) (off & PAGE_MASK);
        if (o + len <= PAGE_SIZE) {
            byte[] pg = writablePage((int) (off >>> PAGE_BITS));
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
            System.arraycopy(readablePage(pageOf(a)), o, dst, off + i, n);
            i += n;
        }
    }

    /** Copies bytes into RAM (range checked by the caller). */
    public void writeBytes(long addr, byte[] src, int off, int len) {
        for (int i = 0; i < len; ) {
            long a = addr + i;
            int o = (int) ((a - base) & PAGE_MASK);
            int n = Math.min(len - i, PAGE_SIZE - o);
            System.arraycopy(src, off + i, writablePage(pageOf(a)), o, n);
            i += n;
        }
    }

    private static byte[] zeroed(byte[] pg) {
        java.util.Arrays.fill(pg, (byte) 0);
        return pg;
    }

    /**
     * An immutable image of all pages; from now on both sides share the pages copy-on-write. Costs the pages
     * written since the last snapshot or restore (only those change state), not the size of RAM.
     */
    public MemoryImage snapshot() {
        for (int i = 0; i < ownedCount; i++) {
            int p = owned[i];
            flags[p] |= PageFlags.SHARED;
            refresh(p);
        }
        ownedCount = 0;
        return new MemoryImage(base, size, pages.clone());
    }

    /**
     * Makes RAM equal to {@code image} (pages shared copy-on-write). Flags other than SHARED stay. The pages this
     * memory owned alone are kept as spares for later copies: no image holds them, and nothing else may.
     */
    public void restore(MemoryImage image) {
        restore(image, p -> {
        });
    }

    /** {@link #restore(MemoryImage)}, telling {@code replaced} each page whose array changed (after the change). */
    public void restore(MemoryImage image, java.util.function.IntConsumer replaced) {
        if (image.base() != base || image.size() != size) {
            throw new IllegalArgumentException("snapshot RAM layout differs from this machine's");
        }
        for (int i = 0; i < ownedCount && spareCount < SPARE_PAGES; i++) {
            spare[spareCount++] = pages[owned[i]];
        }
        ownedCount = 0;
        byte[][] old = pages;
        pages = image.pagesCopy();
        for (int p = 0; p < pageCount; p++) {
            if (pages[p] != old[p]) {
                if (pages[p] != null) {
                    flags[p] |= PageFlags.SHARED;
                } else {
                    flags[p] &= ~PageFlags.SHARED;
                }
                refresh(p);
                replaced.accept(p);
            }
        }
    }

    /** Deterministic 64-bit hash of RAM contents (all-zero pages hash like absent ones). */
    public long contentHash() {
        long h = 0x9E3779B97F4A7C15L ^ size;
        for (int p = 0; p < pageCount; p++) {
            byte[] pg = pages[p];
            if (pg == null) {
                continue;
            }
            long ph = 0;
            boolean nonZero = false;
            for (int o = 0; o < PAGE_SIZE; o += 8) {
                long v = (long) I64.get(pg, o);
                nonZero |= v != 0;
                ph = (ph ^ v) * 0x100000001B3L + o;
            }
            if (nonZero) {
                h = Long.rotateLeft(h ^ (ph + p * 0xC2B2AE3D27D4EB4FL), 27) * 0x9E3779B97F4A7C15L;
            }
        }
        return h;
    }
}
