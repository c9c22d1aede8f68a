package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guests with regions of short blocks (work-fsm's state machine, work-mem's byte loops, bench's: they take sparse budget
 * checks, {@code BudgetPlan.RULE}) on a one-hart machine with sparse checks on: stopped after every chunk of a
 * growing, irregular series of run lengths, the translated machine matches the interpreter (stop, time, state hash,
 * console) for the first ~4.5 million instructions.
 */
class SparseElfDifferentialTest {

    @ParameterizedTest
    @ValueSource(strings = {"work-fsm-rv32", "work-fsm-rv64", "work-mem-rv64", "bench-small-rv32", "bench-small-rv64"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sparseRegionsMatchTheInterpreter(String name) throws Exception {
        ElfImage img = ElfLoader.parse(ElfDifferentialTest.GUEST.resolve(name + ".elf"));
        ElfDifferentialTest.Run ref = ElfDifferentialTest.boot(img, 1, 1000, false, 0);
        ElfDifferentialTest.Run hot = ElfDifferentialTest.boot(img, 1, 1000, true, 3);
        hot.m().setSparseBudgetChecks(true);
        long chunk = 1;
        int points = 0;
        while (true) {
            RunResult a = ref.m().run(chunk);
            RunResult b = hot.m().run(chunk);
            points++;
            assertThat(b).as("after %d points", points).isEqualTo(a);
            assertThat(hot.m().stateHash()).as("hash at time %d", a.time()).isEqualTo(ref.m().stateHash());
            if (a.reason() != StopReason.LIMIT_REACHED || a.time() > 4_500_000) {
                break;
            }
            chunk = chunk * 3 + 17 + points % 7;
            if (chunk > 1_000_000) {
                chunk = 99_991 + points;
            }
        }
        assertThat(hot.out().text()).isEqualTo(ref.out().text());
        assertThat(hot.m().translationCounts()[0]).as("regions translated").isPositive();
        assertThat(hot.m().translationCounts()[2]).as("failed translations").isZero();
    }
}
