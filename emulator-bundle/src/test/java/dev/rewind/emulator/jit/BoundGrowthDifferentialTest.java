package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineSnapshot;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regions bound to their machine's memory (tag tables and RAM's array as class constants, {@code Translator.BIND_RAM})
 * while RAM's array grows under them: {@link RamGrowthDifferentialTest}'s loop (stores upwards through 6 MiB of an 8
 * MiB RAM, the first past the array replaces it: every bound region is stale then, dies at its next entry and is
 * translated again) against the interpreter in lockstep with snapshots, then both machines restored to a snapshot
 * taken part way and run to the end again, bit for bit.
 */
class BoundGrowthDifferentialTest {

    static Machine boot(int xlen, boolean jit, boolean bound) {
        Machine m = RamGrowthDifferentialTest.boot(xlen, jit);
        m.setBoundTranslation(bound);
        return m;
    }

    @ParameterizedTest(name = "RV{0}")
    @ValueSource(ints = {32, 64})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void boundRegionsRunLikeTheInterpreterWhileRamGrowsAndAfterARestore(int xlen) {
        Machine ref = boot(xlen, false, true);
        Machine jit = boot(xlen, true, true);
        Machine shared = boot(xlen, true, false);
        MachineSnapshot[] mid = new MachineSnapshot[2];
        long chunk = 5;
        RunResult last = null;
        for (int point = 0; point < 400; point++) {
            if (point == 12) {
                mid[0] = ref.snapshot();
                mid[1] = jit.snapshot();
            }
            RunResult a = ref.run(chunk);
            last = a;
            assertThat(jit.run(chunk)).as("point %d", point).isEqualTo(a);
            assertThat(jit.stateHash()).as("point %d time %d", point, a.time()).isEqualTo(ref.stateHash());
            shared.run(chunk);
            if (a.reason() != StopReason.LIMIT_REACHED) {
                break;
            }
            chunk = Math.min(chunk * 2 + 1, 20_000);
        }
        assertThat(last.reason()).as("ran to the end").isEqualTo(StopReason.EXITED);
        assertThat(shared.stateHash()).isEqualTo(ref.stateHash());
        long[] bound = jit.translationCounts();
        assertThat(bound[2]).as("failed translations").isZero();
        assertThat(bound[0]).as("regions: bound ones translated again after each growth")
                .isGreaterThan(shared.translationCounts()[0]);
        long endHash = ref.stateHash();
        ref.restore(mid[0]);
        jit.restore(mid[1]);
        assertThat(jit.stateHash()).isEqualTo(ref.stateHash());
        RunResult a = ref.run(100_000_000);
        assertThat(jit.run(100_000_000)).isEqualTo(a);
        assertThat(a.reason()).isEqualTo(StopReason.EXITED);
        assertThat(jit.stateHash()).isEqualTo(ref.stateHash()).isEqualTo(endHash);
    }
}
