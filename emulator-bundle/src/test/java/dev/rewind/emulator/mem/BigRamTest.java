package dev.rewind.emulator.mem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A big RAM costs the pages written: the flat array stops at {@link RamArrays#FLAT_CAP}, pages past it are apart. */
class BigRamTest {

    private static final long BASE = 0x8000_0000L;
    private static final int P = PhysicalMemory.PAGE_SIZE;

    @ParameterizedTest(name = "{0} MiB")
    @ValueSource(ints = {1024, 2048})
    void topAndBottomWritesCostTheirPages(int mib) {
        long size = (long) mib << 20;
        PhysicalMemory m = new PhysicalMemory(BASE, size);
        long top = BASE + size;
        m.write(top - 8, 8, 0x1122334455667788L);
        m.write(top - P - 2, 4, 0xA1B2C3D4L); // crosses into the last page but one... and the one below
        m.write(BASE + 16, 4, 0x55);
        assertThat(m.allocatedBytes()).isEqualTo((RamArrays.INITIAL_PAGES + 2L) * P);
        assertThat(m.ram.length).isEqualTo(RamArrays.INITIAL_PAGES * P);
        assertThat(m.read(top - 8, 8)).isEqualTo(0x1122334455667788L);
        assertThat(m.read(top - P - 2, 4)).isEqualTo(0xA1B2C3D4L);
        assertThat(m.read(BASE + 16, 4)).isEqualTo(0x55);
        assertThat(m.read(top - 3 * P, 8)).as("never written").isZero();
        int last = m.pageCount() - 1;
        assertThat(m.loadTags[last]).as("past the cap: slow").isEqualTo(-1);
        assertThat(m.storeTags[last]).isEqualTo(-1);

        MemoryImage before = m.snapshot();
        long hash = m.contentHash();
        m.write(top - 4, 4, 7);
        m.write(BASE + RamArrays.FLAT_CAP * (long) P - 4, 4, 9); // the flat array's last page: its own page for now
        assertThat(m.ram.length).isEqualTo(RamArrays.INITIAL_PAGES * P);
        assertThat(m.allocatedBytes()).isEqualTo((RamArrays.INITIAL_PAGES + 3L) * P);
        assertThat(m.read(BASE + RamArrays.FLAT_CAP * (long) P - 4, 4)).isEqualTo(9);
        m.settle(); // grows it to the cap
        assertThat(m.ram.length).isEqualTo(RamArrays.FLAT_CAP * P);
        assertThat(m.read(BASE + RamArrays.FLAT_CAP * (long) P - 4, 4)).isEqualTo(9);
        assertThat(m.loadTags[RamArrays.FLAT_CAP - 1]).isEqualTo(RamArrays.FLAT_CAP - 1);
        m.restore(before);
        assertThat(m.read(top - 8, 8)).isEqualTo(0x1122334455667788L);
        assertThat(m.read(BASE + RamArrays.FLAT_CAP * (long) P - 4, 4)).isZero();
        assertThat(m.contentHash()).isEqualTo(hash);

        PhysicalMemory fresh = new PhysicalMemory(BASE, size);
        fresh.restore(before); // another memory's image
        assertThat(fresh.read(top - P - 2, 4)).isEqualTo(0xA1B2C3D4L);
        assertThat(fresh.contentHash()).isEqualTo(hash);
        assertThat(fresh.allocatedBytes()).isEqualTo((RamArrays.INITIAL_PAGES + 2L) * P);
    }
}
