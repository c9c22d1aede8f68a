package dev.rewind.plugin.example.cache;

import dev.rewind.plugins.PluginRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CachePluginTest {

    @Test
    void lruSetAssociativeModel() {
        L1Cache c = new L1Cache(256, 2, 64);
        long setStride = 2 * 64;
        assertThat(c.access(0, 4)).isFalse();
        assertThat(c.access(8, 4)).as("same line").isTrue();
        assertThat(c.access(setStride, 4)).as("second way of set 0").isFalse();
        assertThat(c.access(0, 4)).isTrue();
        assertThat(c.access(2 * setStride, 4)).as("evicts the least recently used line").isFalse();
        assertThat(c.access(setStride, 4)).as("it was evicted").isFalse();
        assertThat(c.access(64, 4)).as("set 1 is apart").isFalse();
        assertThat(c.access(60, 8)).as("straddles lines 0 (evicted) and 1").isFalse();
        assertThat(c.hits() + c.misses()).isEqualTo(8);
        assertThatThrownBy(() -> new L1Cache(100, 2, 64)).hasMessageContaining("powers of two");
    }

    @Test
    void hitRatePerHartOfARealGuest() throws Exception {
        CachePlugin pi = new CachePlugin();
        CachePlugin pj = new CachePlugin();
        PluginRun ri = PluginRun.run(java.nio.file.Path.of("../../tests/guest/elf", "bench-mt-rv64.elf"), 2, false, pi, false);
        PluginRun rj = PluginRun.run(java.nio.file.Path.of("../../tests/guest/elf", "bench-mt-rv64.elf"), 2, true, pj, false);
        for (int h = 0; h < 2; h++) {
            L1Cache a = pi.caches(ri.context())[h];
            L1Cache b = pj.caches(rj.context())[h];
            assertThat(a.hits() + a.misses()).isGreaterThan(1000);
            assertThat(a.hitRate()).isBetween(0.5, 1.0);
            assertThat(b.hits()).isEqualTo(a.hits());
            assertThat(b.misses()).isEqualTo(a.misses());
        }
        ri.machine().plugins().uninstallAll();
        assertThat(ri.machine().plugins().reports()).filteredOn(l -> l.contains("hit rate")).hasSize(2);
    }
}
