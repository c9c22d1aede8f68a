package dev.rewind.plugin.example.memhist;

import dev.rewind.plugins.PluginRun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemHistPluginTest {

    @Test
    void countsReadsAndWritesPerPageTheSameInterpretedAndTranslated() throws Exception {
        MemHistPlugin pi = new MemHistPlugin();
        MemHistPlugin pj = new MemHistPlugin();
        PluginRun ri = PluginRun.run(java.nio.file.Path.of("../../tests/guest/elf", "demo-rv32.elf"), 4, false, pi, false);
        PluginRun rj = PluginRun.run(java.nio.file.Path.of("../../tests/guest/elf", "demo-rv32.elf"), 4, true, pj, false);
        long counter = ri.symbol("items_produced");
        MemHistPlugin.Page pc = pi.page(ri.context(), counter);
        assertThat(pc).isNotNull();
        assertThat(pc.writes).as("stores to the page of items_produced").isPositive();
        assertThat(pc.reads).isPositive();
        long uart = 0x1000_0000L;
        assertThat(pi.page(ri.context(), uart)).as("the UART page (MMIO)").isNotNull();
        assertThat(pi.page(ri.context(), uart).writes).isPositive();
        var a = pi.busiest(ri.context());
        var b = pj.busiest(rj.context());
        assertThat(b).hasSameSizeAs(a);
        for (int k = 0; k < a.size(); k++) {
            assertThat(b.get(k).base).isEqualTo(a.get(k).base);
            assertThat(b.get(k).reads).isEqualTo(a.get(k).reads);
            assertThat(b.get(k).writes).isEqualTo(a.get(k).writes);
        }
        ri.machine().plugins().uninstallAll();
        assertThat(ri.machine().plugins().reports()).anySatisfy(l -> assertThat(l).contains("pages accessed"));
    }
}
