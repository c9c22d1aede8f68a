package dev.rewind.emulator.mem;

import java.util.Arrays;

/**
 * The light checkpoint of a {@link PhysicalMemory} ({@link PhysicalMemory#mark()}, rollback, drop) and what it needs
 * to undo the writes since the mark: for each page
 * first written after the mark, either a copy of its contents then (it was dirty) or the stored page it equalled
 * (it was clean; the journal holds a reference to it). Copy buffers are kept for the next mark.
 */
final class Journal {

    private static final int KEEP_BUFFERS = 4096;

    /** The memory's dirty count at the mark: later entries of its dirty list were clean then. */
    int markDirty;
    int size;
    int[] pages = new int[64];
    /** Stored page the page equalled, or -1 when {@link #copies} holds its contents. */
    int[] origins = new int[64];
    byte[][] copies = new byte[64][];
    private byte[][] buffers = new byte[64][];
    private int bufferCount;

    void start(int dirtyCount) {
        markDirty = dirtyCount;
        size = 0;
    }

    void saveCopy(int p, byte[] contents, int start) {
        byte[] c = bufferCount > 0 ? buffers[--bufferCount] : new byte[PhysicalMemory.PAGE_SIZE];
        System.arraycopy(contents, start, c, 0, c.length);
        add(p, -1, c);
    }

    void saveOrigin(int p, int handle) {
        add(p, handle, null);
    }

    /** Takes back a copy buffer once its entry is done with. */
    void recycle(int entry) {
        byte[] c = copies[entry];
        copies[entry] = null;
        if (c != null && bufferCount < KEEP_BUFFERS) {
            if (bufferCount == buffers.length) {
                buffers = Arrays.copyOf(buffers, bufferCount * 2);
            }
            buffers[bufferCount++] = c;
        }
    }

    private void add(int p, int handle, byte[] copy) {
        if (size == pages.length) {
            pages = Arrays.copyOf(pages, size * 2);
            origins = Arrays.copyOf(origins, size * 2);
            copies = Arrays.copyOf(copies, size * 2);
        }
        pages[size] = p;
        origins[size] = handle;
        copies[size] = copy;
        size++;
    }

    boolean marked;

    /** {@link PhysicalMemory#mark()}: dirty pages become store-slow until their first store saves them. */
    void mark(PhysicalMemory m) {
        drop(m);
        marked = true;
        start(m.dirtyCount);
        for (int i = 0; i < m.dirtyCount; i++) {
            int p = m.dirty[i];
            m.flags[p] |= PageFlags.JOURNAL;
            m.refresh(p);
        }
    }

    /** The first store to page {@code p} (contents at {@code start} of {@code pg}) since the mark: save what rollback needs. */
    void firstWrite(PhysicalMemory m, int p, byte[] pg, int start) {
        if ((m.flags[p] & PageFlags.JOURNAL) != 0) {
            saveCopy(p, pg, start);
            m.flags[p] &= ~PageFlags.JOURNAL;
            m.refresh(p);
        } else if (m.origin[p] != PhysicalMemory.DIRTY) {
            m.store.retain(m.origin[p]);
            saveOrigin(p, m.origin[p]);
        }
    }

    /** {@link PhysicalMemory#rollback}. */
    void rollback(PhysicalMemory m, java.util.function.IntConsumer replaced) {
        if (!marked) {
            throw new IllegalStateException("no mark to roll back to");
        }
        for (int k = size - 1; k >= 0; k--) {
            int p = pages[k];
            int h = origins[k];
            if (h < 0) {
                System.arraycopy(copies[k], 0, m.array(p), m.start(p), PhysicalMemory.PAGE_SIZE);
                recycle(k);
            } else {
                m.store.copyOut(h, m.array(p), m.start(p));
                m.origin[p] = h;
                m.changed[p >>> Chunk.BITS] = true;
                m.flags[p] |= PageFlags.CLEAN;
                m.refresh(p);
            }
            replaced.accept(p);
        }
        size = 0;
        m.dirtyCount = markDirty;
        drop(m);
    }

    /** {@link PhysicalMemory#dropMark()}: releases what the journal held and clears the flags it set. */
    void drop(PhysicalMemory m) {
        if (!marked) {
            return;
        }
        for (int k = 0; k < size; k++) {
            if (origins[k] >= 0) {
                m.store.release(origins[k]);
            } else {
                recycle(k);
            }
        }
        size = 0;
        for (int i = 0; i < markDirty && i < m.dirtyCount; i++) {
            int p = m.dirty[i];
            if ((m.flags[p] & PageFlags.JOURNAL) != 0) {
                m.flags[p] &= ~PageFlags.JOURNAL;
                m.refresh(p);
            }
        }
        marked = false;
    }
}
