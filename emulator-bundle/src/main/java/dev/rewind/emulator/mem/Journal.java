package dev.rewind.emulator.mem;

import java.util.Arrays;

/**
 * What {@link PhysicalMemory#rollback} needs to undo the writes since a {@link PhysicalMemory#mark()}: for each page
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

    void saveCopy(int p, byte[] contents) {
        byte[] c = bufferCount > 0 ? buffers[--bufferCount] : new byte[PhysicalMemory.PAGE_SIZE];
        System.arraycopy(contents, 0, c, 0, c.length);
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
}
