package dev.rewind.emulator.mem;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Where snapshots keep page contents: immutable 4 KiB pages packed into 256 KiB slabs, named by {@code int} handles.
 * Handle 0 is the all-zero page (never stored). Each stored page has a reference count (the {@link MemoryImage}s
 * that hold it and the live memory whose page equals it); at zero its slot is free for the next page.
 *
 * <p>Why slabs: history keeps thousands of pages for a long time. As separate 4 KiB arrays, every kept page is
 * allocated young and copied by the garbage collector into survivor and old space (measured ~1.4 us a page on
 * ttbench, more than the copy itself). A slab is one larger object, allocated once and reused slot by slot: the
 * collector copies it a few times early in its life, whatever passes through it later. Slabs stay well below half
 * of G1's smallest region (1 MiB): a "humongous" object would take whole regions (a 1 MiB slab took two).
 *
 * <p>One store belongs to one {@link PhysicalMemory}; confined to the thread that drives the machine.
 */
final class PageStore {

    static final int SLAB_BITS = 6;
    static final int SLAB_PAGES = 1 << SLAB_BITS;
    private static final int PAGE = PhysicalMemory.PAGE_SIZE;

    /** Empty slabs kept for reuse; beyond these, a slab whose last page is freed is dropped. */
    static final int SPARE_SLABS = 8;

    /** Slabs by index; {@code null} once dropped (their handles are never handed out again). */
    private final ArrayList<byte[]> slabs = new ArrayList<>();
    /** Pages held per slab. */
    private int[] used = new int[0];
    private int liveSlabs;
    private int emptySlabs;
    private int[] refs = new int[1];
    private int[] free = new int[0];
    private int freeCount;
    private long stored;
    /** Leases of images not yet released, reachable from here so that their queueing is seen. */
    private final Set<MemoryImage.Lease> leases = Collections.newSetFromMap(new IdentityHashMap<>());
    final ReferenceQueue<MemoryImage> queue = new ReferenceQueue<>();

    /** Takes {@code image}'s claim: one more reference to each of its pages. */
    void register(MemoryImage image) {
        for (int h : image.lease.handles) {
            retain(h);
        }
        leases.add(image.lease);
    }

    void forget(MemoryImage.Lease lease) {
        leases.remove(lease);
    }

    /** Releases the pages of images that became unreachable without being released. */
    void reclaim() {
        for (Reference<? extends MemoryImage> r; (r = queue.poll()) != null; ) {
            ((MemoryImage.Lease) r).release();
        }
    }

    /** Stores a copy of {@code page}; the new handle has one reference (the caller's). */
    int put(byte[] page) {
        if (freeCount == 0) {
            reclaim();
        }
        int h;
        do {
            if (freeCount == 0) {
                grow();
            }
            h = free[--freeCount];
        } while (slabs.get(slabIndex(h)) == null);
        System.arraycopy(page, 0, slab(h), offset(h), PAGE);
        refs[h] = 1;
        if (used[slabIndex(h)]++ == 0) {
            emptySlabs--;
        }
        stored++;
        return h;
    }

    /** Copies stored page {@code h} (0: zeros) into {@code dst}. */
    void copyOut(int h, byte[] dst) {
        if (h == 0) {
            Arrays.fill(dst, (byte) 0);
        } else {
            System.arraycopy(slab(h), offset(h), dst, 0, PAGE);
        }
    }

    /** Reads a little-endian 8-byte word of stored page {@code h} at {@code off}. */
    long word(int h, int off) {
        return h == 0 ? 0 : (long) PhysicalMemory.I64.get(slab(h), offset(h) + off);
    }

    void retain(int h) {
        if (h != 0) {
            refs[h]++;
        }
    }

    void release(int h) {
        if (h != 0 && --refs[h] == 0) {
            free[freeCount++] = h;
            stored--;
            int s = slabIndex(h);
            if (--used[s] == 0 && ++emptySlabs > SPARE_SLABS) {
                slabs.set(s, null);
                liveSlabs--;
                emptySlabs--;
            }
        }
    }

    /** Pages held now. */
    long storedPages() {
        return stored;
    }

    /** Bytes of slabs allocated (held pages plus free slots). */
    long slabBytes() {
        return (long) liveSlabs * SLAB_PAGES * PAGE;
    }

    private void grow() {
        int first = slabs.size() * SLAB_PAGES + 1;
        slabs.add(new byte[SLAB_PAGES * PAGE]);
        used = Arrays.copyOf(used, slabs.size());
        liveSlabs++;
        emptySlabs++;
        int total = first + SLAB_PAGES;
        refs = Arrays.copyOf(refs, total);
        free = Arrays.copyOf(free, free.length + SLAB_PAGES);
        // hand out low slots first: the newest slab's pages are taken in address order
        for (int i = SLAB_PAGES - 1; i >= 0; i--) {
            free[freeCount++] = first + i;
        }
    }

    private byte[] slab(int h) {
        return slabs.get(slabIndex(h));
    }

    private static int slabIndex(int h) {
        return (h - 1) >>> SLAB_BITS;
    }

    private static int offset(int h) {
        return ((h - 1) & (SLAB_PAGES - 1)) * PAGE;
    }
}
