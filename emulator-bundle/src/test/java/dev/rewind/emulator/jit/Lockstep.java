package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.ConsoleSink;

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

    /**
     * The end of the lockstep tests' looping programs (e.g. {@link #loopRunsToExit}'s): x5 (t0) counts the loop's
     * rounds down (the loop starts at label {@code loop}), then the test finisher's exit (0x5555 at 0x100000).
     */
    static final String LOOP_EXIT = "addi t0,t0,-1\nbge zero,t0,done\njal zero,loop\ndone:\n"
            + "lui t6,0x100\nlui t5,0x5\naddi t5,t5,0x555\nsw t5,0(t6)\n";

    /** Boots one of the two machines of a lockstep run: translated or not, writing to {@code console}. */
    interface Boot {
        Machine boot(boolean jit, CollectingConsole console);
    }

    /**
     * A looping program booted twice (interpreted and translated) runs in lockstep ({@link #run}: 5000 points, a
     * snapshot every 4, chunks doubling up to 20,000 slots) to its exit, having done every round of its loop (x5
     * counted down to zero), and with {@code watched}, stopped at a watchpoint at least twice.
     */
    static void loopRunsToExit(Boot boot, boolean watched) {
        CollectingConsole outRef = ConsoleSink.collecting();
        CollectingConsole outJit = ConsoleSink.collecting();
        Machine ref = boot.boot(false, outRef);
        Machine jit = boot.boot(true, outJit);
        Outcome o = run(ref, jit, 5000, 4, 2, 20_000);
        assertRanToExit(o, jit, outRef, outJit);
        assertThat(ref.hart(0).reg(5)).as("every round of the loop").isZero();
        if (watched) {
            assertThat(o.watchStops()).as("watchpoint stops").isGreaterThanOrEqualTo(2);
        }
    }
}
