package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.CollectingConsole;

/**
 * An interpreted machine ({@code ref}) and a translated one ({@code jit}) run side by side in growing chunks: after
 * each, the same stop and the same state hash. Shared by the memory-path differential tests.
 */
final class Lockstep {
    private Lockstep() {
    }

    /** How a lockstep run ended: its last stop and how many stops were watchpoint hits. */
    record Outcome(RunResult last, int watchStops) {
    }

    /**
     * Runs at most {@code points} chunks, from 7 slots on, each {@code grow} times the last plus one, at most
     * {@code cap}; with {@code snapshotEvery} > 0 both take a snapshot before every such chunk (every page clean
     * again: first stores take the slow path). Stops at the first stop other than the limit or a watchpoint.
     */
    static Outcome run(Machine ref, Machine jit, int points, int snapshotEvery, int grow, long cap) {
        long chunk = 7;
        RunResult last = null;
        int watched = 0;
        for (int point = 0; point < points; point++) {
            if (snapshotEvery > 0 && point % snapshotEvery == snapshotEvery - 1) {
                ref.snapshot();
                jit.snapshot();
            }
            RunResult a = ref.run(chunk);
            RunResult b = jit.run(chunk);
            last = a;
            String where = "point " + point + " time " + a.time();
            assertThat(b).as(where).isEqualTo(a);
            assertThat(jit.stateHash()).as(where).isEqualTo(ref.stateHash());
            if (a.reason() == StopReason.WATCHPOINT) {
                watched++;
            } else if (a.reason() != StopReason.LIMIT_REACHED) {
                break;
            }
            chunk = Math.min(chunk * grow + 1, cap);
        }
        return new Outcome(last, watched);
    }

    /** The run reached the test device's exit with the same console output, and the translator did its part. */
    static void assertRanToExit(Outcome o, Machine jit, CollectingConsole outRef, CollectingConsole outJit) {
        assertThat(o.last().reason()).as("ran to the end (the test device's exit)").isEqualTo(StopReason.EXITED);
        assertThat(outJit.text()).isEqualTo(outRef.text());
        assertThat(jit.translationCounts()[1]).as("blocks translated").isPositive();
        assertThat(jit.translationCounts()[2]).as("failed translations").isZero();
    }
}
