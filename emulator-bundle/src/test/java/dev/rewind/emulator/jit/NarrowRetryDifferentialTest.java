package dev.rewind.emulator.jit;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A region whose narrow entries bail every round ({@link NarrowRetryScenario}: translated again without the register
 * that bailed, then without any narrow register, {@code cpu.NarrowRetry}) against the interpreter in lockstep, with
 * snapshots, bit for bit before, between and after its translations. {@code cpu.NarrowRetryTest} checks that they
 * happen.
 */
class NarrowRetryDifferentialTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRegionTranslatedAgainWithoutItsNarrowRegistersRunsLikeTheInterpreter() {
        Lockstep.loopRunsToExit(NarrowRetryScenario::boot, false);
    }
}
