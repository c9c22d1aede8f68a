package dev.rewind.emulator.mem;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where snapshots keep page contents: immutable 4 KiB pages packed into slabs of just under 1 MiB on the Java heap,
 * named by {@code int} handles. Handle 0 is the all-zero page (never stored). Each stored page has a reference
 * count (the {@link Chunk}s that hold it, the live memory whose page equals it, a light checkpoint); at zero its
 * slot is free for the next page.
 *
 * <p>Why slabs: history keeps thousands of pages for a long time. As separate 4 KiB arrays, every kept page was
 * allocated young and copied by the garbage collector into survivor and old space (measured ~1.4 us a page on
 * ttbench, more than the copy itself). A slab is allocated once and reused slot by slot. Its size keeps it to one
 * G1 region (see {@link #SLAB_PAGES}); direct buffers were tried too: they are never copied, but every new one is
 * fresh memory from the operating system (~2 us per 4 KiB to fault in and zero, more than the copy) and is freed
 * only when the collector gets round to its buffer object, whereas heap memory freed by one machine's history is
 * reused, already faulted in, by the next.
 *
 * <p>One store belongs to one {@link PhysicalMemory}; confined to the thread that drives the machine.
 */
final class PageStore {

    /**
     * Pages per slab: 255, so that a slab with its array header stays just under 1 MiB. G1 regions are 1 MiB or
     * more; an object of at least half a region is "humongous" and takes whole regions: just under 1 MiB fills one
     * 1 MiB region (a full 1 MiB array took two), and is an ordinary object with larger regions.
     */
    static final int SLAB_PAGES = 255;
    private static final int PAGE = PhysicalMemory.PAGE_SIZE;

    /**
     * Whether the next slab is prepared on another core: on unless {@code -Drewind.history.prepare=false} or the
     * host has one CPU.
     */
    static final boolean PREPARE = !"false".equalsIgnoreCase(System.getProperty("rewind.history.prepare", "true"))
            && Runtime.getRuntime().availableProcessors() > 1;

    /** Slabs kept ready while history grows: about two snapshots' worth of a guest that rewrites 4 MiB. */
    static final int READY_SLABS = 8;

    /** Empty slabs kept for reuse; beyond these, a slab whose last page is freed is dropped. */
    static final int SPARE_SLABS = 8;

    /** Slabs by index; {@code null} once dropped (their handles are never handed out again). */
    private final ArrayList<byte[]> slabs = new ArrayList<>();
    /** Pages held per slab. */
    private int[] used = new int[0];
    private int liveSlabs;
    private int emptySlabs;
    private int[] refs = new int[1];
    /** Per handle: {@link PageHashes#page} of its contents, valid where {@link #hashed}. */
    private long[] hashes = new long[1];
    private boolean[] hashed = new boolean[1];
    private final byte[] scratch = new byte[PAGE];
    private int[] free = new int[0];
    private int freeCount;
    private long stored;
    /** Leases of images not yet released, reachable from here so that their queueing is seen. */
    private final Set<MemoryImage.Lease> leases = Collections.newSetFromMap(new IdentityHashMap<>());
    final ReferenceQueue<MemoryImage> queue = new ReferenceQueue<>();
    /** Slabs allocated (and so faulted in and zeroed) on another core, ready to use. */
    private final ConcurrentLinkedQueue<byte[]> ready = new ConcurrentLinkedQueue<>();
    /** Slabs being allocated on another core. */
    private final AtomicInteger preparing = new AtomicInteger();

    /** Watches {@code image}: its chunks go back here when it is released or unreachable. */
    void register(MemoryImage image) {
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

    /** Stores a copy of the page at {@code start} of {@code src}; the new handle has one reference (the caller's). */
    int put(byte[] src, int start) {
        int h = allocate();
        System.arraycopy(src, start, slab(h), offset(h), PAGE);
        return h;
    }

    /** A free slot, its handle with one reference. */
    private int allocate() {
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
        refs[h] = 1;
        hashed[h] = false;
        if (used[slabIndex(h)]++ == 0) {
            emptySlabs--;
        }
        stored++;
        return h;
    }

    /** Copies stored page {@code h} (0: zeros) into {@code dst} at {@code start}. */
    void copyOut(int h, byte[] dst, int start) {
        if (h == 0) {
            Arrays.fill(dst, start, start + PAGE, (byte) 0);
        } else {
            System.arraycopy(slab(h), offset(h), dst, start, PAGE);
        }
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

    /** {@link PageHashes#page} of stored page {@code h} (not 0), computed once per page. */
    long pageHash(int h) {
        if (!hashed[h]) {
            copyOut(h, scratch, 0);
            hashes[h] = PageHashes.page(scratch, 0);
            hashed[h] = true;
        }
        return hashes[h];
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
        slabs.add(newSlab());
        if (used.length < slabs.size()) {
            used = Arrays.copyOf(used, Math.max(16, 2 * used.length));
        }
        liveSlabs++;
        emptySlabs++;
        int total = first + SLAB_PAGES;
        if (refs.length < total) {
            // double: copying the per-handle arrays for every new slab cost as much as the pages themselves
            int cap = Math.max(total, 2 * refs.length);
            refs = Arrays.copyOf(refs, cap);
            hashes = Arrays.copyOf(hashes, cap);
            hashed = Arrays.copyOf(hashed, cap);
        }
        if (free.length < total) {
            // every handle may be free at once
            free = Arrays.copyOf(free, Math.max(total, 2 * free.length));
        }
        // hand out low slots first: the newest slab's pages are taken in address order
        for (int i = SLAB_PAGES - 1; i >= 0; i--) {
            free[freeCount++] = first + i;
        }
    }

    /**
     * A new slab, preferably one prepared on another core, and more prepared to keep {@link #READY_SLABS}. Fresh memory
     * costs the host a page fault and zeroing per 4 KiB on first touch, as much as the copy that fills it: while
     * history grows, that work runs beside the machine instead of in its thread (it runs in the thread when no
     * other core is free in time). Deterministic: which memory holds a page changes nothing but its address.
     */
    private byte[] newSlab() {
        byte[] b = ready.poll();
        if (b == null) {
            b = new byte[SLAB_PAGES * PAGE];
        }
        while (PREPARE && ready.size() + preparing.get() < READY_SLABS) {
            preparing.incrementAndGet();
            CompletableFuture.runAsync(() -> {
                try {
                    ready.add(new byte[SLAB_PAGES * PAGE]);
                } finally {
                    preparing.decrementAndGet();
                }
            });
        }
        return b;
    }

    private byte[] slab(int h) {
        return slabs.get(slabIndex(h));
    }

    private static int slabIndex(int h) {
        return (h - 1) / SLAB_PAGES;
    }

    private static int offset(int h) {
        return (h - 1) % SLAB_PAGES * PAGE;
    }
}
