package dev.rewind.plugin.example.hotblocks;

import dev.rewind.plugins.PluginRun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.elf.ElfSymbol;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HotBlocksPluginTest {

    @Test
    void theHottestBlocksAreTheSameInterpretedAndTranslatedAndLieInTheProgramsFunctions() throws Exception {
        HotBlocksPlugin pi = new HotBlocksPlugin();
        HotBlocksPlugin pj = new HotBlocksPlugin();
        PluginRun ri = PluginRun.run(java.nio.file.Path.of("../../tests/guest/elf", "bench-small-rv64.elf"), 1, false, pi, false);
        PluginRun rj = PluginRun.run(java.nio.file.Path.of("../../tests/guest/elf", "bench-small-rv64.elf"), 1, true, pj, false);
        assertThat(ri.result().reason()).isEqualTo(StopReason.EXITED);
        List<HotBlocksPlugin.Entry> hi = pi.hottest(ri.context());
        List<HotBlocksPlugin.Entry> hj = pj.hottest(rj.context());
        assertThat(hi).hasSizeGreaterThan(20);
        for (int k = 0; k < 10; k++) {
            assertThat(hj.get(k).pc).isEqualTo(hi.get(k).pc);
            assertThat(hj.get(k).executions).isEqualTo(hi.get(k).executions);
        }
        assertThat(hi.get(0).executions).isGreaterThan(1000).isGreaterThanOrEqualTo(hi.get(1).executions);
        ElfSymbol f = ri.image().symbolAt(hi.get(0).pc).orElseThrow();
        assertThat(f.isFunction()).as(f.name()).isTrue();
        long insns = 0;
        for (HotBlocksPlugin.Entry e : hi) {
            insns += e.executions * e.insns;
        }
        assertThat(insns).as("whole-block executions cover at most what retired").isLessThanOrEqualTo(
                ri.machine().retired(0) + hi.size() * 64L);
        ri.machine().plugins().uninstallAll();
        assertThat(ri.machine().plugins().reports()).anySatisfy(l -> assertThat(l).contains(
                String.format("0x%x", hi.get(0).pc), "executions"));
    }
}
