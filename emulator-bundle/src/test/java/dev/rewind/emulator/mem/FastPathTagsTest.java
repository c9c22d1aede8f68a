package dev.rewind.emulator.mem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tag tables against what they stand for: an access of {@code len} bytes at RAM offset {@code off} may skip the
 * bus iff it lies inside RAM, inside one page, on a page whose flags let it (loads: no read watchpoint; stores: also
 * not clean, code, watched, reserved, HTIF or journalled). Checked in the forms the interpreter and the translated
 * code use (RV32: the offset as an int; RV64: a long offset, index from the page number's low 20 bits; both masked
 * to the table's power-of-two length) and the interpreter's, for RAM sizes that are and are not a power of two of
 * pages, at every width, around page and RAM edges, past RAM (also where the masked index lands on a RAM page),
 * wrapped and far above; and RAM's tail page of a 2 GiB machine (a memory
 * whose flat array is made short here) stays on the slow path and keeps its contents through snapshots.
 */
class FastPathTagsTest {

    private static final long BASE = 0x8000_0000L;
    private static final int P = PhysicalMemory.PAGE_SIZE;

    private static boolean reference(PhysicalMemory m, long off, int len, boolean store) {
        if (off < 0 || off + len > m.size() || (off >>> 12) != ((off + len - 1) >>> 12)) {
            return false;
        }
        int f = m.flags((int) (off >>> 12));
        return (f & (store ? PageFlags.STORE_SLOW : PageFlags.LOAD_SLOW)) == 0;
    }

    /** MemEmit's RV32 check: the offset wrapped to an int. */
    private static boolean rv32(int[] tags, long off, int len) {
        int i = (int) off;
        int p = i >>> 12;
        int t = tags[p & (tags.length - 1)];
        return len == 1 ? t == p : t == (i + len - 1) >>> 12;
    }

    /** MemEmit's RV64 check. */
    private static boolean rv64(int[] tags, long off, int len) {
        return tags[(((int) off) >>> 12) & (tags.length - 1)] == (off + len - 1) >>> 12;
    }

    /** BlockExec's check. */
    private static boolean interpreter(int[] tags, long off, int len) {
        long p = off >>> 12;
        return p < tags.length && tags[(int) p] == (int) ((off + len - 1) >>> 12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 40, 64, 65, 1000})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void tagsSayExactlyWhichAccessesMaySkipTheBus(int pages) {
        PhysicalMemory m = new PhysicalMemory(BASE, pages * (long) P);
        int entries = PhysicalMemory.tagEntries(pages);
        assertThat(m.loadTags).as("the page count rounded up to a power of two").hasSize(entries);
        assertThat(m.storeTags).hasSize(entries);
        assertThat(Integer.bitCount(entries)).isOne();
        assertThat(entries).isGreaterThanOrEqualTo(pages).isLessThan(2 * pages + 1);
        SplittableRandom rnd = new SplittableRandom(11 + pages);
        int[] bits = {PageFlags.CODE, PageFlags.WATCH_READ, PageFlags.WATCH_WRITE, PageFlags.RESERVATION,
            PageFlags.HTIF, PageFlags.BREAKPOINT};
        for (int p = 0; p < pages; p++) {
            if (rnd.nextInt(3) > 0) {
                m.write(BASE + (long) p * P, 1, p); // dirty: no longer CLEAN
            }
            if (rnd.nextInt(4) == 0) {
                m.setFlag(p, bits[rnd.nextInt(bits.length)], true);
            }
        }
        m.settle(); // pages written past the flat array join it (until then: their own arrays, slow path)
        m.mark(); // some dirty pages become JOURNAL (store-slow)
        if (pages > 3) {
            m.write(BASE + 3L * P, 4, 1);
        }
        long[] around = {0, P, 7L * P, (pages - 1L) * P, (long) pages * P, 1L << 31, (1L << 32) - P, 1L << 32,
            (1L << 32) + 5L * P, -P, 1L << 44, (1L << 43) + 2L * P,
            // past RAM where the masked index lands on a RAM page (its tag is a lower page) or on -1 entries
            (long) entries * P, (entries + pages - 1L) * P, (2L * entries + 1) * P, (3L * entries - 1) * P};
        int checked = 0;
        for (boolean store : new boolean[] {false, true}) {
            int[] tags = store ? m.storeTags : m.loadTags;
            for (int len : new int[] {1, 2, 4, 8}) {
                for (long a : around) {
                    for (long d = -9; d <= 9; d++) {
                        long off = a + d;
                        boolean want = reference(m, off, len, store);
                        assertThat(rv64(tags, off, len)).as("rv64 off %x len %d store %s", off, len, store)
                                .isEqualTo(want);
                        assertThat(interpreter(tags, off, len)).as("interpreter off %x len %d", off, len)
                                .isEqualTo(want);
                        long wrapped = off & 0xFFFF_FFFFL;
                        assertThat(rv32(tags, off, len)).as("rv32 off %x len %d store %s", off, len, store)
                                .isEqualTo(reference(m, wrapped, len, store) && wrapped + len <= 1L << 32);
                        checked++;
                    }
                }
                for (int k = 0; k < 2000; k++) {
                    long off = k % 2 == 0 ? rnd.nextLong((long) pages * P + 64) : rnd.nextLong(1L << 32);
                    assertThat(rv64(tags, off, len)).as("off %x len %d", off, len)
                            .isEqualTo(reference(m, off, len, store));
                    assertThat(rv32(tags, off, len)).isEqualTo(reference(m, off, len, store));
                    assertThat(interpreter(tags, off, len)).isEqualTo(reference(m, off, len, store));
                }
            }
        }
        assertThat(checked).isEqualTo(2 * 4 * 16 * 19);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aTailPageBeyondTheFlatArrayTakesTheSlowPathAndKeepsItsContents() {
        int pages = 8;
        PhysicalMemory m = new PhysicalMemory(BASE, pages * (long) P, pages - 1);
        PhysicalMemory flat = new PhysicalMemory(BASE, pages * (long) P);
        long last = BASE + (pages - 1L) * P;
        for (PhysicalMemory x : new PhysicalMemory[] {m, flat}) {
            x.write(last - 2, 4, 0x11223344L); // crosses into the tail page
            x.write(last + P - 8, 8, 0x0102030405060708L);
        }
        assertThat(m.ram).hasSize((pages - 1) * P);
        assertThat(m.loadTags[pages - 1]).isEqualTo(-1);
        assertThat(m.storeTags[pages - 1]).isEqualTo(-1);
        assertThat(m.loadTags[pages - 2]).isEqualTo(pages - 2);
        assertThat(m.read(last - 2, 4)).isEqualTo(0x11223344L);
        assertThat(m.read(last + P - 8, 8)).isEqualTo(0x0102030405060708L);
        assertThat(m.contentHash()).isEqualTo(flat.contentHash());
        MemoryImage image = m.snapshot();
        m.write(last + 100, 8, -1);
        byte[] buf = new byte[16];
        m.readBytes(last + 96, buf, 0, 16);
        assertThat(buf[4]).isEqualTo((byte) -1);
        m.restore(image);
        assertThat(m.read(last + 100, 8)).isZero();
        assertThat(m.read(last + P - 8, 8)).isEqualTo(0x0102030405060708L);
        assertThat(m.contentHash()).isEqualTo(flat.contentHash());
        m.mark();
        m.writeBytes(last + P - 4, new byte[] {9, 9, 9, 9}, 0, 4);
        m.rollback(p -> {
        });
        assertThat(m.read(last + P - 8, 8)).isEqualTo(0x0102030405060708L);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theArrayGrowsAtTheFirstWritePastItAndSnapshotsFollow() {
        int pages = 4 * PhysicalMemory.INITIAL_PAGES;
        PhysicalMemory m = new PhysicalMemory(BASE, pages * (long) P);
        int high = 3 * PhysicalMemory.INITIAL_PAGES + 5;
        long a = BASE + (long) high * P;
        assertThat(m.ram).hasSize(PhysicalMemory.INITIAL_PAGES * P);
        assertThat(m.loadTags[high]).as("past the array: slow").isEqualTo(-1);
        assertThat(m.read(a, 8)).isZero();
        m.write(BASE + 8, 8, 0x55);
        MemoryImage before = m.snapshot();
        m.write(a - 2, 4, 0xA1B2C3D4L); // crosses from high - 1 into high
        assertThat(m.ram).as("until the next settle, pages of their own").hasSize(PhysicalMemory.INITIAL_PAGES * P);
        assertThat(m.loadTags[high]).isEqualTo(-1);
        assertThat(m.storeTags[high - 1]).isEqualTo(-1);
        assertThat(m.read(a - 2, 4)).isEqualTo(0xA1B2C3D4L);
        long pendingHash = m.contentHash();
        m.settle();
        assertThat(m.contentHash()).as("the same contents before and after settle").isEqualTo(pendingHash);
        assertThat(m.ram.length).isGreaterThanOrEqualTo((high + 1) * P).isLessThanOrEqualTo(pages * P);
        assertThat(m.loadTags[high]).isEqualTo(high);
        assertThat(m.storeTags[high]).as("written: dirty").isEqualTo(high);
        assertThat(m.read(BASE + 8, 8)).as("kept through the copy").isEqualTo(0x55);
        assertThat(m.read(a - 2, 4)).isEqualTo(0xA1B2C3D4L);
        MemoryImage after = m.snapshot();
        m.restore(before);
        assertThat(m.read(a - 2, 4)).isZero();
        m.restore(after);
        assertThat(m.read(a - 2, 4)).isEqualTo(0xA1B2C3D4L);
        PhysicalMemory fresh = new PhysicalMemory(BASE, pages * (long) P);
        fresh.restore(after); // another memory's image: grows it too
        assertThat(fresh.read(a - 2, 4)).isEqualTo(0xA1B2C3D4L);
        assertThat(fresh.contentHash()).isEqualTo(m.contentHash());
        PhysicalMemory small = new PhysicalMemory(BASE, pages * (long) P);
        small.write(BASE + 8, 8, 0x55);
        small.write(a - 2, 4, 0xA1B2C3D4L);
        assertThat(small.contentHash()).as("same contents, same hash").isEqualTo(m.contentHash());
    }
}
