package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which entries a region is run from ({@link JitControl#admits}): an entry asked for often enough while the region is
 * profiled, or very often later; the interpreter runs the others (C2 compiles the entry switch from that profile).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EntryAdmitTest {

    private static Block block(long pc) {
        return new Block(pc, 1, new int[1], new long[1], new int[] {0, 4}, new int[1], pc + 4, 0, false);
    }

    /** Asks until j admits b; returns how many it took (0: never within limit). */
    private static int asksUntilAdmitted(JitCode j, Block b, int limit) {
        for (int k = 1; k <= limit; k++) {
            if (JitControl.admits(j, b)) {
                return k;
            }
        }
        return 0;
    }

    @Test
    void anEntryAskedForOftenEarlyIsAdmittedAndStays() {
        JitCode j = WarmCapTest.region();
        Block b = block(0x8000_0000L);
        assertThat(asksUntilAdmitted(j, b, 1000)).isEqualTo(JitControl.ENTRY_ASKS);
        for (int k = 0; k < 100; k++) {
            assertThat(JitControl.admits(j, b)).isTrue();
        }
    }

    @Test
    void aRareEntryWaitsForTheLateCount() {
        JitCode j = WarmCapTest.region();
        Block b = block(0x8000_0010L);
        // the region has been called far more often than b was asked for: below the rate, b is not admitted early
        j.entries = JitControl.ENTRY_ASKS * JitControl.ENTRY_RATE * 4;
        assertThat(asksUntilAdmitted(j, b, JitControl.ENTRY_ASKS * 2)).isZero();
        j.entries = JitControl.WARM_CALLS;
        assertThat(asksUntilAdmitted(j, b, JitControl.ENTRY_LATE)).isEqualTo(JitControl.ENTRY_LATE
                - JitControl.ENTRY_ASKS * 2);
        assertThat(JitControl.admits(j, b)).isTrue();
    }

    @Test
    void aNewRegionAtTheBlockCountsAgain() {
        JitCode a = WarmCapTest.region();
        JitCode c = WarmCapTest.region();
        Block b = block(0x8000_0020L);
        asksUntilAdmitted(a, b, 1000);
        assertThat(JitControl.admits(c, b)).isFalse();
        assertThat(asksUntilAdmitted(c, b, 1000)).isEqualTo(JitControl.ENTRY_ASKS - 1);
    }
}
