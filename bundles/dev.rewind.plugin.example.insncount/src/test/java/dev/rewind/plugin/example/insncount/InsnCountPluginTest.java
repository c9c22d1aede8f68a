package dev.rewind.plugin.example.insncount;

import dev.rewind.plugins.PluginRun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.StopReason;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InsnCountPluginTest {

    /** A guest that takes no exceptions: every instruction started retired, so the inline count is the retired count. */
    @ParameterizedTest(name = "translation {0}")
    @ValueSource(booleans = {false, true})
    void countsEveryRetiredInstructionOfEveryHart(boolean jit) throws Exception {
        InsnCountPlugin p = new InsnCountPlugin();
        PluginRun r = PluginRun.run(java.nio.file.Path.of("../../tests/guest/elf", "bench-mt-rv32.elf"), 4, jit, p, false);
        assertThat(r.result().reason()).isEqualTo(StopReason.EXITED);
        for (int h = 0; h < 4; h++) {
            assertThat(p.counter(r.context()).get(h)).as("hart " + h).isEqualTo(r.machine().retired(h)).isPositive();
        }
        r.machine().plugins().uninstallAll();
        assertThat(r.machine().plugins().reports()).anySatisfy(l -> assertThat(l).startsWith("insncount: total: "));
        assertThat(r.machine().plugins().reports()).filteredOn(l -> l.contains("hart ")).hasSize(4);
    }

    /** Traps: an instruction that traps counted when it started, so the count is at least the retired count. */
    @ParameterizedTest(name = "translation {0}")
    @ValueSource(booleans = {false, true})
    void trappingInstructionsCountToo(boolean jit) throws Exception {
        InsnCountPlugin p = new InsnCountPlugin();
        PluginRun r = PluginRun.run(java.nio.file.Path.of("../../tests/guest/elf", "trap-rv64.elf"), 1, jit, p, false);
        assertThat(r.result().reason()).isEqualTo(StopReason.EXITED);
        assertThat(p.counter(r.context()).get(0)).isGreaterThan(r.machine().retired(0));
    }
}
