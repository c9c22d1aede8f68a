package dev.rewind.emulator.mem;

import java.util.function.IntConsumer;

/**
 * Taking and restoring {@link MemoryImage}s of a {@link PhysicalMemory}: copies its dirty pages into the
 * {@link PageStore} and brings back the pages that differ from an image, keeping the memory's page flags, origins and
 * chunk tables in step. Only {@link PhysicalMemory#snapshot()} and {@link PhysicalMemory#restore} call it; the
 * access paths never do.
 */
final class Snapshots {

    private Snapshots() {
    }

    static MemoryImage snapshot(PhysicalMemory m) {
        m.dropMark();
        m.store.reclaim();
        for (int i = 0; i < m.dirtyCount; i++) {
            int p = m.dirty[i];
            m.origin[p] = m.store.put(m.array(p), m.start(p));
            m.flags[p] |= PageFlags.CLEAN;
            m.refresh(p);
        }
        m.dirtyCount = 0;
        for (int c = 0; c < m.current.length; c++) {
            if (m.changed[c]) {
                Chunk k = new Chunk(m.store, java.util.Arrays.copyOfRange(m.origin, c << Chunk.BITS,
                        (c << Chunk.BITS) + m.chunkLength(c)));
                k.retain();
                m.current[c].release(m.store);
                m.current[c] = k;
                m.changed[c] = false;
            }
        }
        MemoryImage image = new MemoryImage(m.base, m.size, m.store, m.current.clone(), m.store.queue);
        m.store.register(image);
        return image;
    }

    static void restore(PhysicalMemory m, MemoryImage image, IntConsumer replaced) {
        if (image.base() != m.base || image.size() != m.size) {
            throw new IllegalArgumentException("snapshot RAM layout differs from this machine's");
        }
        Chunk[] chunks = image.chunks();
        m.dropMark();
        if (image.store != m.store) {
            restoreForeign(m, image, replaced);
            return;
        }
        for (int c = 0; c < chunks.length; c++) {
            Chunk k = chunks[c];
            if (k == m.current[c] && !m.changed[c]) {
                continue;
            }
            int first = c << Chunk.BITS;
            for (int i = 0; i < k.handles.length; i++) {
                int p = first + i;
                int h = k.handles[i];
                int o = m.origin[p];
                if (h != o) {
                    restorePage(m, p, h, o);
                    replaced.accept(p);
                }
            }
            k.retain();
            m.current[c].release(m.store);
            m.current[c] = k;
            m.changed[c] = false;
        }
        m.dirtyCount = 0;
    }

    private static void restorePage(PhysicalMemory m, int p, int h, int o) {
        if (h != 0) {
            m.cover(p); // a page past the array is zeros: h 0 copies zeros onto zeros
        }
        m.store.copyOut(h, m.array(p), m.start(p));
        m.store.retain(h);
        m.store.release(o == PhysicalMemory.DIRTY ? 0 : o);
        m.origin[p] = h;
        m.flags[p] |= PageFlags.CLEAN;
        m.refresh(p);
    }

    /** Restore from another memory's image: every page copied (and dirty here). */
    private static void restoreForeign(PhysicalMemory m, MemoryImage image, IntConsumer replaced) {
        for (int p = 0; p < m.pageCount; p++) {
            int h = image.handle(p);
            if (h == 0 && m.origin[p] == 0) {
                continue; // zeros already
            }
            m.prepareWrite(p);
            image.store.copyOut(h, m.array(p), m.start(p));
            replaced.accept(p);
        }
    }
}
