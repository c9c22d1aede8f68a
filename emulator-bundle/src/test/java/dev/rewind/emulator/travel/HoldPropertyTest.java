package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.StopReason;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Held harts as inputs of a deterministic history: random multi-hart programs with random changes of the held set
 * at random times. A plain machine applying the changes at their times is the truth (held harts retire nothing
 * while held); a time machine making the same changes live, then going back and forth at random (go to time, run
 * forward, reverse steps), always lands in the truth's state at that time. A change in the past starts a new
 * future; holding the set already held changes nothing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HoldPropertyTest {

    static final long END = 12_000;

    @ParameterizedTest(name = "{0} harts quantum {1} interval {2}")
    @CsvSource({"2, 1, 500, 101", "4, 7, 700, 102", "4, 100, 1500, 103", "3, 13, 400, 104"})
    void landingsMatchForwardExecutionWithHeldHarts(int harts, int quantum, long interval, long seed) {
        Random rnd = new Random(seed);
        RandomProgram prog = new RandomProgram(32, harts, 20 + rnd.nextInt(20), seed);
        MachineConfig cfg = new MachineConfig(32, harts, 1 << 20, quantum);
        Supplier<Machine> fresh = () -> prog.boot(cfg);
        TreeMap<Long, Long> changes = new TreeMap<>();
        long all = (1L << harts) - 1;
        for (int i = 0; i < 12; i++) {
            long mask = rnd.nextInt(4) == 0 ? 0 : rnd.nextLong(all); // never every hart
            changes.put(1 + rnd.nextLong(END - 1), mask);
        }

        // the truth: a plain machine, every change applied at its time
        long[] hash = new long[(int) END + 1];
        Machine ref = fresh.get();
        while (true) {
            long t = ref.time();
            Long mask = changes.get(t);
            if (mask != null) {
                ref.setHeld(mask);
            }
            hash[(int) t] = ref.stateHash();
            if (t == END) {
                break;
            }
            long[] before = retired(ref);
            assertThat(ref.runUntilTime(t + 1).reason()).isEqualTo(StopReason.TIME_REACHED);
            for (int h = 0; h < harts; h++) {
                if ((ref.held() >>> h & 1) != 0) {
                    assertThat(ref.retired(h)).as("held hart %d at %d", h, t).isEqualTo(before[h]);
                }
            }
        }

        TimeMachine tm = new TimeMachine(fresh.get(), TravelConfig.defaults().withInterval(interval));
        for (var c : changes.entrySet()) {
            tm.runUntilTime(c.getKey());
            assertThat(tm.time()).isEqualTo(c.getKey());
            assertThat(tm.hold(c.getValue()).discarded()).isFalse();
            assertThat(tm.machine().stateHash()).as("after the change at %d", tm.time()).isEqualTo(hash[(int) tm.time()]);
        }
        tm.runUntilTime(END);
        assertThat(tm.machine().stateHash()).isEqualTo(hash[(int) END]);
        assertThat(tm.writes().events()).hasSizeLessThanOrEqualTo(changes.size());

        for (int op = 0; op < 300; op++) {
            String what = "op " + op + " from " + tm.time();
            switch (rnd.nextInt(3)) {
                case 0 -> tm.goToTime(rnd.nextLong(END + 1));
                case 1 -> tm.runUntilTime(Math.min(END, tm.time() + 1 + rnd.nextInt(1500)));
                default -> {
                    int h = rnd.nextInt(harts);
                    if (tm.retired(h) > 0) {
                        tm.reverseStep(h);
                    }
                }
            }
            long t = tm.time();
            if (!changes.containsKey(t)) { // at a change's time a replay may land before it (as for writes)
                assertThat(tm.machine().stateHash()).as(what + " to " + t).isEqualTo(hash[(int) t]);
                assertThat(tm.held()).as(what).isEqualTo(heldAt(changes, t));
            }
        }

        // the same set again: nothing changes; another set in the past: a new future
        tm.goToTime(END / 2);
        assertThat(tm.hold(tm.held()).discarded()).isFalse();
        assertThat(tm.newestTime()).isEqualTo(END);
        long other = tm.held() == 0 ? 1 : 0;
        FutureChange fc = tm.hold(other);
        assertThat(fc.discarded()).isTrue();
        assertThat(tm.newestTime()).isEqualTo(END / 2);
        assertThat(tm.writes().events()).last().satisfies(e -> {
            assertThat(e.time()).isEqualTo(END / 2);
            assertThat(e.write()).isEqualTo(DebuggerWrite.hold(other));
        });
    }

    static long heldAt(TreeMap<Long, Long> changes, long t) {
        var e = changes.floorEntry(t);
        return e == null ? 0 : e.getValue();
    }

    static long[] retired(Machine m) {
        long[] r = new long[m.hartCount()];
        for (int h = 0; h < r.length; h++) {
            r[h] = m.retired(h);
        }
        return r;
    }
}
