package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.WatchKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random multi-hart programs run forward while the state hash is noted at every time; then random sequences of
 * reverse step, reverse continue (any hart, one hart), reverse-to-last-write, go to time, bookmarks and forward
 * runs, each landing compared with the forward truth at that time. Small snapshot intervals and tight snapshot
 * limits make every operation cross snapshots and thinned history.
 */
class TimeTravelPropertyTest {

    static final long END = 16_000;
    static final int OPS = 600;

    @ParameterizedTest(name = "{0} harts RV{1} quantum {2} interval {3} max snapshots {4}")
    @CsvSource({
        "1, 32, 1000, 800, 2048, 11",
        "1, 64, 1, 400, 6, 12",
        "2, 32, 7, 600, 2048, 21",
        "2, 64, 100, 1500, 5, 22",
        "4, 32, 1, 500, 2048, 41",
        "4, 64, 13, 700, 7, 42",
        "4, 32, 1000, 1700, 2048, 43"})
    void everyLandingMatchesForwardExecution(int harts, int xlen, int quantum, long interval, int maxSnapshots,
            long seed) {
        Random rnd = new Random(seed);
        RandomProgram prog = new RandomProgram(xlen, harts, 24 + rnd.nextInt(24), seed);
        MachineConfig cfg = new MachineConfig(xlen, harts, 1 << 20, quantum);
        Supplier<Machine> fresh = () -> prog.boot(cfg);
        Reference ref = new Reference(fresh, END);
        List<Long> bps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bps.add(prog.pcs.get(rnd.nextInt(prog.pcs.size())));
        }
        assertThat(prog.storeTargets).as("the program stores").isNotEmpty();
        long watch = prog.storeTargets.get(rnd.nextInt(prog.storeTargets.size()));
        ref.recordStops(fresh, bps, watch, 8, WatchKind.WRITE);
        long range = 0;
        for (int i = 0; i < prog.storeTargets.size() && ref.writes.isEmpty(); i++) {
            range = prog.storeTargets.get((i + rnd.nextInt(1000)) % prog.storeTargets.size());
            ref.recordWrites(fresh, range, 8);
        }

        TimeMachine tm = new TimeMachine(fresh.get(),
                TravelConfig.defaults().withInterval(interval).withMaxSnapshots(maxSnapshots));
        bps.forEach(tm.machine()::addBreakpoint);
        tm.machine().addWatchpoint(watch, 8, WatchKind.WRITE);
        int forwardStops = 0;
        while (tm.time() < END) {
            TravelResult r = tm.runUntilTime(END);
            assertThat(tm.machine().stateHash()).as("forward at %d", tm.time()).isEqualTo(ref.hash[(int) tm.time()]);
            forwardStops += r.kind() == TravelResult.Kind.ARRIVED ? 0 : 1;
        }
        assertThat(forwardStops).as("forward stops").isEqualTo(ref.stops.size());
        assertThat(ref.stops).as("the triggers fire").isNotEmpty();
        assertThat(ref.writes).as("the range is written").isNotEmpty();

        List<Bookmark> marks = new ArrayList<>();
        int[] counts = new int[8];
        for (int op = 0; op < OPS; op++) {
            int kind = rnd.nextInt(8);
            counts[kind]++;
            long now = tm.time();
            String what = "op " + op + " kind " + kind + " from " + now;
            switch (kind) {
                case 0 -> {
                    int h = rnd.nextInt(harts);
                    long goal = ref.retired[(int) now][h] - 1;
                    TravelResult r = tm.reverseStep(h);
                    if (goal < 0) {
                        assertThat(r.kind()).as(what).isEqualTo(TravelResult.Kind.HISTORY_START);
                        assertThat(tm.time()).as(what).isZero();
                    } else {
                        assertThat(r.kind()).as(what).isEqualTo(TravelResult.Kind.ARRIVED);
                        assertThat(tm.time()).as(what).isEqualTo(ref.beforeRetirement(h, goal));
                        assertThat(tm.retired(h)).as(what).isEqualTo(goal);
                    }
                }
                case 1, 2 -> {
                    int h = kind == 1 ? -1 : rnd.nextInt(harts);
                    Reference.Stop exp = Reference.lastBefore(ref.stops, now, h);
                    TravelResult r = h < 0 ? tm.reverseContinue() : tm.reverseContinue(h);
                    expectStop(what, tm, r, exp);
                }
                case 3 -> tm.goToTime(rnd.nextLong(END + 1));
                case 4 -> {
                    if (marks.isEmpty() || rnd.nextBoolean()) {
                        marks.add(tm.addBookmark("m" + op, "op " + op));
                    } else {
                        Bookmark b = marks.get(rnd.nextInt(marks.size()));
                        TravelResult r = tm.goToBookmark(b.name());
                        assertThat(r.time()).as(what).isEqualTo(b.time());
                    }
                }
                case 5 -> {
                    Reference.Stop exp = Reference.lastBefore(ref.writes, now, -1);
                    TravelResult r = tm.reverseToLastWrite(range, 8);
                    expectStop(what, tm, r, exp);
                    if (exp != null) {
                        assertThat(r.stop().accessWrite()).isTrue();
                    }
                }
                case 6 -> tm.runUntilTime(Math.min(END, now + 1 + rnd.nextInt(2000)));
                default -> {
                    if (now < END - 10_000 / harts) {
                        tm.stepHart(rnd.nextInt(harts));
                    }
                }
            }
            assertThat(tm.time()).as(what).isBetween(0L, END);
            assertThat(tm.machine().stateHash()).as(what + " landing at " + tm.time())
                    .isEqualTo(ref.hash[(int) tm.time()]);
        }
        assertThat(tm.newestTime()).isEqualTo(END);
        for (int c : counts) {
            assertThat(c).as("each kind of operation ran").isGreaterThan(50);
        }
        HistoryStats stats = tm.stats();
        assertThat(stats.snapshots() - stats.pinned()).isLessThanOrEqualTo(maxSnapshots);
    }

    private static void expectStop(String what, TimeMachine tm, TravelResult r, Reference.Stop exp) {
        if (exp == null) {
            assertThat(r.kind()).as(what).isEqualTo(TravelResult.Kind.HISTORY_START);
            assertThat(tm.time()).as(what).isZero();
            return;
        }
        assertThat(r.kind().name()).as(what).isEqualTo(exp.reason().name());
        assertThat(tm.time()).as(what).isEqualTo(exp.time());
        assertThat(r.hart()).as(what).isEqualTo(exp.hart());
        assertThat(r.stop().reason()).as(what).isEqualTo(exp.reason());
        assertThat(tm.machine().stateHash()).as(what).isEqualTo(exp.hash());
        assertThat(r.stop().reason()).isIn(StopReason.BREAKPOINT, StopReason.WATCHPOINT);
    }
}
