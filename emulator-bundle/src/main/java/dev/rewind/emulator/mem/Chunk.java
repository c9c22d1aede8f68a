package dev.rewind.emulator.mem;

/**
 * An immutable run of {@link #PAGES} page handles of a {@link PageStore}: the unit in which {@link MemoryImage}s
 * share their page tables. A snapshot builds new chunks only where pages changed and shares every other chunk with
 * the previous image, so an image costs its changed chunks plus one reference per chunk, not one per page of RAM.
 * A chunk holds one reference to each of its stored pages and is itself counted by the images and the live table
 * that hold it; confined to the machine's thread like its store.
 */
final class Chunk {

    static final int BITS = 9;
    static final int PAGES = 1 << BITS;

    final int[] handles;
    /** Handles that are not the zero page. */
    final int allocated;
    int refs;

    /** A chunk of {@code handles} (taken, not copied), holding one reference to each page; {@code refs} is 0. */
    Chunk(PageStore store, int[] handles) {
        this.handles = handles;
        int n = 0;
        for (int h : handles) {
            if (h != 0) {
                store.retain(h);
                n++;
            }
        }
        this.allocated = n;
    }

    void retain() {
        refs++;
    }

    /** Drops one reference; the last one gives the pages back to {@code store}. */
    void release(PageStore store) {
        if (--refs == 0) {
            for (int h : handles) {
                store.release(h);
            }
        }
    }
}
