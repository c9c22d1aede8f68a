package dev.rewind.emulator.mem;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;

/**
 * Immutable RAM contents captured by {@link PhysicalMemory#snapshot()}: a page table of {@link PageStore} handles,
 * in {@link Chunk}s. Images of one memory share every page, and every chunk of pages, that did not change between
 * them.
 *
 * <p>An image holds its pages until {@link #release()}d (history does this when it drops a snapshot) or, failing
 * that, until the garbage collector finds it unreachable (the memory then frees its pages at its next snapshot).
 * A released image can no longer be restored.
 */
public final class MemoryImage {
    private final long base;
    private final long size;
    final PageStore store;
    final Lease lease;

    /** An image of {@code chunks} (taken, not copied), holding one reference to each. */
    MemoryImage(long base, long size, PageStore store, Chunk[] chunks, ReferenceQueue<MemoryImage> queue) {
        this.base = base;
        this.size = size;
        this.store = store;
        for (Chunk c : chunks) {
            c.retain();
        }
        this.lease = new Lease(this, chunks, queue);
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
        for (Chunk c : chunks()) {
            n += c.allocated;
        }
        return n;
    }

    /** Whether page {@code p} is the same stored page in both images (shared, not copied). */
    public boolean sharesPage(MemoryImage other, int p) {
        return store == other.store && handle(p) == other.handle(p);
    }

    /** Pages of this image that {@code other} does not share (all allocated ones if {@code other} is null). */
    public int pagesNotIn(MemoryImage other) {
        if (other == null || other.store != store) {
            return allocatedPages();
        }
        Chunk[] a = chunks();
        Chunk[] b = other.chunks();
        int n = 0;
        for (int c = 0; c < a.length; c++) {
            if (a[c] == b[c]) {
                continue;
            }
            int[] x = a[c].handles;
            int[] y = b[c].handles;
            for (int i = 0; i < x.length; i++) {
                if (x[i] != y[i]) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Gives the pages back to the memory (those no other image holds become free). Call it on the thread that
     * drives the machine, once the image will not be restored again. Idempotent.
     */
    public void release() {
        lease.release();
    }

    public boolean released() {
        return lease.released;
    }

    Chunk[] chunks() {
        if (lease.released) {
            throw new IllegalStateException("memory image was released");
        }
        return lease.chunks;
    }

    int handle(int p) {
        return chunks()[p >>> Chunk.BITS].handles[p & (Chunk.PAGES - 1)];
    }

    /**
     * The image's claim on its chunks, outliving the image itself so that the pages of an image nobody released are
     * given back once it is unreachable.
     */
    static final class Lease extends PhantomReference<MemoryImage> {
        final Chunk[] chunks;
        final PageStore store;
        boolean released;

        Lease(MemoryImage image, Chunk[] chunks, ReferenceQueue<MemoryImage> queue) {
            super(image, queue);
            this.chunks = chunks;
            this.store = image.store;
        }

        void release() {
            if (!released) {
                released = true;
                clear();
                for (Chunk c : chunks) {
                    c.release(store);
                }
                store.forget(this);
            }
        }
    }
}
