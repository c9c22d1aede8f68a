package dev.rewind.emulator.mem;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;

/**
 * Immutable RAM contents captured by {@link PhysicalMemory#snapshot()}: a page table of {@link PageStore} handles.
 * Images of one memory share every page that did not change between them.
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

    MemoryImage(long base, long size, PageStore store, int[] handles, ReferenceQueue<MemoryImage> queue) {
        this.base = base;
        this.size = size;
        this.store = store;
        this.lease = new Lease(this, handles, queue);
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
        for (int h : handles()) {
            if (h != 0) {
                n++;
            }
        }
        return n;
    }

    /** Whether page {@code p} is the same stored page in both images (shared, not copied). */
    public boolean sharesPage(MemoryImage other, int p) {
        return store == other.store && handles()[p] == other.handles()[p];
    }

    /** Pages of this image that {@code other} does not share (all allocated ones if {@code other} is null). */
    public int pagesNotIn(MemoryImage other) {
        if (other == null || other.store != store) {
            return allocatedPages();
        }
        int[] a = handles();
        int[] b = other.handles();
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
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

    int[] handles() {
        if (lease.released) {
            throw new IllegalStateException("memory image was released");
        }
        return lease.handles;
    }

    /**
     * The image's claim on its pages, outliving the image itself so that the pages of an image nobody released are
     * given back once it is unreachable.
     */
    static final class Lease extends PhantomReference<MemoryImage> {
        final int[] handles;
        final PageStore store;
        boolean released;

        Lease(MemoryImage image, int[] handles, ReferenceQueue<MemoryImage> queue) {
            super(image, queue);
            this.handles = handles;
            this.store = image.store;
        }

        void release() {
            if (!released) {
                released = true;
                clear();
                for (int h : handles) {
                    store.release(h);
                }
                store.forget(this);
            }
        }
    }
}
