package dev.rewind.emulator.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhysicalMemoryTest {

    private static final long BASE = 0x8000_0000L;
    private static final int PAGES = 64;

    private static PhysicalMemory memory() {
        return new PhysicalMemory(BASE, PAGES * (long) PhysicalMemory.PAGE_SIZE);
    }

    private static long addr(int page, int off) {
        return BASE + (long) page * PhysicalMemory.PAGE_SIZE + off;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} pages")
    @org.junit.jupiter.params.provider.ValueSource(ints = {64, 2000})
    void restoreBringsBackEveryImageExactly(int pages) {
        PhysicalMemory m = new PhysicalMemory(BASE, pages * (long) PhysicalMemory.PAGE_SIZE);
        SplittableRandom rnd = new SplittableRandom(7 + pages);
        List<MemoryImage> images = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        byte[] all = new byte[pages * PhysicalMemory.PAGE_SIZE];
        for (int round = 0; round < 20; round++) {
            // writes cluster in a few pages (or chunks of pages) per round, as programs do
            int hot = rnd.nextInt(pages);
            for (int i = 0; i < 200; i++) {
                int p = rnd.nextInt(4) == 0 ? rnd.nextInt(pages) : (hot + rnd.nextInt(8)) % pages;
                m.write(addr(p, rnd.nextInt(PhysicalMemory.PAGE_SIZE - 8) & ~7), 8, rnd.nextLong());
            }
            if (rnd.nextInt(5) == 0 && !images.isEmpty()) {
                images.get(rnd.nextInt(images.size())).release();
            }
            images.add(m.snapshot());
            m.readBytes(BASE, all, 0, all.length);
            contents.add(all.clone());
        }
        for (int k = 0; k < 60; k++) {
            int i = rnd.nextInt(images.size());
            if (images.get(i).released()) {
                continue;
            }
            m.restore(images.get(i));
            m.readBytes(BASE, all, 0, all.length);
            assertThat(all).as("image %d", i).isEqualTo(contents.get(i));
            // writes after a restore never reach the image
            m.write(addr(rnd.nextInt(pages), 0), 4, k);
            if (rnd.nextBoolean()) {
                m.snapshot();
            }
        }
    }

    @Test
    void unchangedPagesAreSharedAndStoredOnce() {
        PhysicalMemory m = memory();
        m.write(addr(1, 0), 4, 1);
        m.write(addr(2, 0), 4, 2);
        MemoryImage a = m.snapshot();
        m.write(addr(2, 8), 4, 3);
        MemoryImage b = m.snapshot();
        assertThat(b.sharesPage(a, 1)).isTrue();
        assertThat(b.sharesPage(a, 2)).isFalse();
        assertThat(b.pagesNotIn(a)).isEqualTo(1);
        assertThat(a.allocatedPages()).isEqualTo(2);
        assertThat(m.storedPages()).isEqualTo(3);
        MemoryImage c = m.snapshot();
        assertThat(c.pagesNotIn(b)).isZero();
        assertThat(m.storedPages()).isEqualTo(3);
    }

    @Test
    void theFirstStoreAfterASnapshotTakesTheSlowPathOnce() {
        PhysicalMemory m = memory();
        m.write(addr(3, 0), 4, 1);
        assertThat(m.storeTags[3]).isEqualTo(3);
        m.snapshot();
        assertThat(m.storeTags[3]).as("clean after snapshot").isEqualTo(-1);
        assertThat(m.loadTags[3]).isEqualTo(3);
        m.write(addr(3, 4), 4, 2);
        assertThat(m.storeTags[3]).as("dirty again").isEqualTo(3);
    }

    @Test
    void releasedPagesAreReusedAndReleasedImagesRefused() {
        PhysicalMemory m = memory();
        List<MemoryImage> images = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int p = 0; p < PAGES; p++) {
                m.write(addr(p, 0), 8, i * 1000L + p);
            }
            images.add(m.snapshot());
        }
        assertThat(m.storedPages()).isEqualTo(10L * PAGES);
        for (int i = 0; i < 9; i++) {
            images.get(i).release();
        }
        assertThat(m.storedPages()).isEqualTo(PAGES);
        long bytes = m.storeBytes();
        for (int i = 0; i < 9; i++) {
            for (int p = 0; p < PAGES; p++) {
                m.write(addr(p, 8), 8, i);
            }
            m.snapshot().release();
        }
        assertThat(m.storeBytes()).as("freed slots reused, no new slab").isEqualTo(bytes);
        assertThatThrownBy(() -> m.restore(images.get(0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released");
        m.restore(images.get(9));
        assertThat(m.read(addr(5, 0), 8)).isEqualTo(9005L);
        assertThat(m.read(addr(5, 8), 8)).isZero();
    }

    @Test
    void pagesOfUnreachableImagesAreFreedAtTheNextSnapshot() {
        PhysicalMemory m = memory();
        for (int p = 0; p < PAGES; p++) {
            m.write(addr(p, 0), 8, p + 1);
        }
        m.snapshot();
        assertThat(m.storedPages()).isEqualTo(PAGES);
        for (int p = 0; p < PAGES; p++) {
            m.write(addr(p, 0), 8, p + 2);
        }
        MemoryImage kept = m.snapshot();
        for (int i = 0; i < 50 && m.storedPages() > PAGES; i++) {
            System.gc();
            m.snapshot();
        }
        assertThat(m.storedPages()).as("the dropped image's pages").isEqualTo(PAGES);
        m.restore(kept);
        assertThat(m.read(addr(7, 0), 8)).isEqualTo(9L);
    }

    @Test
    void anImageOfAnotherMemoryRestoresByCopy() {
        PhysicalMemory a = memory();
        a.write(addr(4, 16), 8, 0x1122334455667788L);
        MemoryImage img = a.snapshot();
        PhysicalMemory b = memory();
        b.write(addr(9, 0), 4, 5);
        b.restore(img);
        assertThat(b.read(addr(4, 16), 8)).isEqualTo(0x1122334455667788L);
        assertThat(b.read(addr(9, 0), 4)).isZero();
        assertThat(b.contentHash()).isEqualTo(a.contentHash());
        b.write(addr(4, 16), 8, 0);
        assertThat(a.read(addr(4, 16), 8)).isEqualTo(0x1122334455667788L);
    }

    @Test
    void anImageOfAnotherLayoutIsRefused() {
        PhysicalMemory a = memory();
        MemoryImage img = a.snapshot();
        PhysicalMemory b = new PhysicalMemory(BASE, 2L * PAGES * PhysicalMemory.PAGE_SIZE);
        assertThatThrownBy(() -> b.restore(img)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layout");
    }

    @Test
    void rollbackUndoesEveryWriteSinceTheMark() {
        PhysicalMemory m = memory();
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 30; round++) {
            for (int i = 0; i < 40; i++) {
                m.write(addr(rnd.nextInt(PAGES), rnd.nextInt(512) * 8), 8, rnd.nextLong());
            }
            if (rnd.nextInt(4) == 0) {
                m.snapshot();
            }
            long before = m.contentHash();
            m.mark();
            for (int i = 0; i < 40; i++) {
                m.write(addr(rnd.nextInt(PAGES), rnd.nextInt(512) * 8), 8, rnd.nextLong());
            }
            List<Integer> replaced = new ArrayList<>();
            m.rollback(replaced::add);
            assertThat(m.contentHash()).as("round %d", round).isEqualTo(before);
            assertThat(replaced).isNotEmpty();
            assertThat(m.marked()).isFalse();
        }
    }

    @Test
    void afterARollbackSnapshotsSeeTheRolledBackContents() {
        PhysicalMemory m = memory();
        m.write(addr(1, 0), 8, 1);
        MemoryImage a = m.snapshot();
        m.write(addr(2, 0), 8, 2);
        m.mark();
        m.write(addr(1, 0), 8, 10);
        m.write(addr(2, 0), 8, 20);
        m.write(addr(3, 0), 8, 30);
        m.rollback(p -> {
        });
        assertThat(m.storeTags[1]).as("clean again").isEqualTo(-1);
        assertThat(m.storeTags[2]).as("still dirty").isEqualTo(2);
        MemoryImage b = m.snapshot();
        assertThat(b.sharesPage(a, 1)).isTrue();
        assertThat(b.pagesNotIn(a)).isEqualTo(1);
        m.write(addr(2, 0), 8, 99);
        m.restore(b);
        assertThat(m.read(addr(1, 0), 8)).isEqualTo(1);
        assertThat(m.read(addr(2, 0), 8)).isEqualTo(2);
        assertThat(m.read(addr(3, 0), 8)).isZero();
    }

    @Test
    void droppingAMarkKeepsTheWritesAndFreesWhatItHeld() {
        PhysicalMemory m = memory();
        m.write(addr(1, 0), 8, 1);
        m.snapshot().release();
        assertThat(m.storedPages()).isEqualTo(1);
        m.mark();
        m.write(addr(1, 0), 8, 5);
        m.write(addr(1, 8), 8, 6);
        assertThat(m.storedPages()).as("the mark holds the old page").isEqualTo(1);
        m.dropMark();
        assertThat(m.read(addr(1, 0), 8)).isEqualTo(5);
        m.snapshot().release();
        assertThat(m.storedPages()).as("the new page only: nothing holds the old one").isEqualTo(1);
        m.write(addr(1, 0), 8, 7);
        assertThatThrownBy(() -> m.rollback(p -> {
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptySlabsBeyondAFewSparesAreGivenBack() {
        PhysicalMemory m = new PhysicalMemory(BASE, 4096L * PhysicalMemory.PAGE_SIZE);
        List<MemoryImage> images = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int p = 0; p < 4096; p++) {
                m.write(BASE + (long) p * PhysicalMemory.PAGE_SIZE, 8, i + p);
            }
            images.add(m.snapshot());
        }
        long full = m.storeBytes();
        assertThat(full).isGreaterThanOrEqualTo(4L * 4096 * PhysicalMemory.PAGE_SIZE);
        for (int i = 0; i < 3; i++) {
            images.get(i).release();
        }
        // a quarter of the pages, plus a slab they share with freed ones, plus the spares
        assertThat(m.storeBytes()).as("three quarters freed, all but %d spare slabs dropped", PageStore.SPARE_SLABS)
                .isLessThanOrEqualTo(full / 4 + (PageStore.SPARE_SLABS + 1) * (long) PageStore.SLAB_PAGES
                        * PhysicalMemory.PAGE_SIZE);
        for (int p = 0; p < 4096; p++) {
            m.write(BASE + (long) p * PhysicalMemory.PAGE_SIZE, 8, 7);
        }
        MemoryImage again = m.snapshot();
        m.restore(images.get(3));
        assertThat(m.read(BASE + 5L * PhysicalMemory.PAGE_SIZE, 8)).isEqualTo(3 + 5);
        m.restore(again);
        assertThat(m.read(BASE + 5L * PhysicalMemory.PAGE_SIZE, 8)).isEqualTo(7);
    }

    @Test
    void theHashOfCleanPagesFromTheStoreEqualsTheHashOfTheSameBytesWritten() {
        PhysicalMemory m = memory();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            m.write(addr(rnd.nextInt(PAGES), rnd.nextInt(512) * 8), 8, rnd.nextInt(3) == 0 ? 0 : rnd.nextLong());
        }
        m.write(addr(9, 0), 8, 0);
        m.snapshot();
        m.write(addr(3, 0), 8, 42);
        PhysicalMemory fresh = memory();
        byte[] all = new byte[PAGES * PhysicalMemory.PAGE_SIZE];
        m.readBytes(BASE, all, 0, all.length);
        fresh.writeBytes(BASE, all, 0, all.length);
        assertThat(m.contentHash()).isEqualTo(fresh.contentHash());
        fresh.write(addr(3, 0), 8, 43);
        assertThat(m.contentHash()).isNotEqualTo(fresh.contentHash());
    }
}
