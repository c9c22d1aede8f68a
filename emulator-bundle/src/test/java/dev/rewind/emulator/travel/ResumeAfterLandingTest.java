package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resuming forward after a landing (tests/guest/src/demo.c, 4 harts, real GCC ELF, a breakpoint on
 * {@code count_item}, hit once per item a producer hart makes): a hart that lands on a breakpoint by reverse continue or reverse
 * step steps over it like after a forward breakpoint stop, so the next forward run reports the NEXT hit, in the
 * state a plain forward run has there; a step from the past into live execution prints its console output.
 */
class ResumeAfterLandingTest {

    static final Path ELF = Path.of("../tests/guest/elf/demo-rv32.elf");
    static final Path HELLO = Path.of("../tests/guest/elf/hello-rv32.elf");
    static final int HITS = 60;

    record Hit(long time, int hart, long hash) {
    }

    private static ElfImage image() throws Exception {
        return ElfLoader.parse(Files.readAllBytes(ELF));
    }

    private static long putc(ElfImage img) {
        return img.symbol("count_item").orElseThrow().value();
    }

    /** The first {@link #HITS} breakpoint hits of a plain forward run with a breakpoint on count_item. */
    private static List<Hit> forwardHits(MachineConfig cfg, ElfImage img) {
        Machine m = new Machine(cfg, ConsoleSink.discard(), InputSource.none());
        m.load(img);
        m.addBreakpoint(putc(img));
        List<Hit> hits = new ArrayList<>();
        while (hits.size() < HITS) {
            RunResult r = m.run(10_000_000);
            assertThat(r.reason()).isEqualTo(StopReason.BREAKPOINT);
            hits.add(new Hit(m.time(), r.hart(), m.stateHash()));
        }
        return hits;
    }

    private static void expectHit(TimeMachine tm, TravelResult r, Hit h) {
        assertThat(r.kind()).isEqualTo(TravelResult.Kind.BREAKPOINT);
        assertThat(tm.time()).isEqualTo(h.time());
        assertThat(r.hart()).isEqualTo(h.hart());
        assertThat(tm.machine().stateHash()).isEqualTo(h.hash());
    }

    @Test
    void forwardFromReverseContinueAndReverseStepLandingsReachesTheNextHit() throws Exception {
        ElfImage img = image();
        MachineConfig cfg = MachineConfig.defaults(32).withHarts(4).withQuantum(1000);
        List<Hit> hits = forwardHits(cfg, img);
        assertThat(hits.stream().map(Hit::hart).distinct().count()).as("several harts hit").isGreaterThan(1);

        TimeMachine tm = TimeMachine.create(cfg, img, ConsoleSink.discard(), null,
                TravelConfig.defaults().withInterval(3_000));
        tm.machine().addBreakpoint(putc(img));
        for (Hit h : hits) {
            expectHit(tm, tm.run(10_000_000), h);
        }
        tm.run(1);

        for (int k = hits.size() - 2; k >= 0; k -= 5) {
            TravelResult back = tm.reverseContinue();
            while (tm.time() > hits.get(k).time()) {
                back = tm.reverseContinue();
            }
            expectHit(tm, back, hits.get(k));
            expectHit(tm, tm.run(10_000_000), hits.get(k + 1));

            // reverse step onto the breakpoint address of hit k: resuming steps over it too
            expectHit(tm, tm.reverseContinue(), hits.get(k));
            int hart = hits.get(k).hart();
            long retired = tm.retired(hart);
            assertThat(tm.stepHart(hart).kind()).isEqualTo(TravelResult.Kind.ARRIVED);
            assertThat(tm.retired(hart)).isEqualTo(retired + 1);
            assertThat(tm.reverseStep(hart).kind()).isEqualTo(TravelResult.Kind.ARRIVED);
            assertThat(tm.retired(hart)).isEqualTo(retired);
            assertThat(tm.machine().hart(hart).pc()).isEqualTo(putc(img));
            assertThat(tm.time()).isEqualTo(hits.get(k).time());
            if (k % 2 == 0) {
                assertThat(tm.stepHart(hart).kind()).as("a step from a landing at a breakpoint executes it")
                        .isEqualTo(TravelResult.Kind.ARRIVED);
                assertThat(tm.retired(hart)).isEqualTo(retired + 1);
            }
            expectHit(tm, tm.run(10_000_000), hits.get(k + 1));
        }
    }

    @Test
    void reverseContinueWithAPredicateFindsOnlyAcceptedHitsInOneSearch() throws Exception {
        ElfImage img = image();
        MachineConfig cfg = MachineConfig.defaults(32).withHarts(4).withQuantum(1000);
        List<Hit> hits = forwardHits(cfg, img);
        TimeMachine tm = TimeMachine.create(cfg, img, ConsoleSink.discard(), null,
                TravelConfig.defaults().withInterval(3_000));
        tm.machine().addBreakpoint(putc(img));
        for (int i = 0; i < HITS; i++) {
            tm.run(10_000_000);
        }
        tm.run(1);
        List<Hit> hart2 = hits.stream().filter(h -> h.hart() == 2).toList();
        Hit third = hart2.get(2);
        int[] asked = new int[1];
        TravelResult r = tm.reverseContinue(s -> {
            asked[0]++;
            return s.hart() == 2 && s.time() <= third.time();
        });
        expectHit(tm, r, third);
        long later = hits.stream().filter(h -> h.time() > third.time()).count();
        assertThat(asked[0]).as("the predicate saw the later hits too").isGreaterThan((int) later);
        TravelResult none = tm.reverseContinue(s -> s.hart() == 0);
        assertThat(none.kind()).isEqualTo(TravelResult.Kind.HISTORY_START);
    }

    @Test
    void aStepFromThePastIntoLiveExecutionPrintsItsOutput() throws Exception {
        ElfImage img = ElfLoader.parse(Files.readAllBytes(HELLO));
        // hart 0 prints its whole line within one quantum, in which the frontier is put; hart 1 runs after it
        MachineConfig cfg = MachineConfig.defaults(32).withHarts(2).withQuantum(200_000);
        CollectingConsole out = ConsoleSink.collecting();
        TimeMachine tm = TimeMachine.create(cfg, img, out, null, TravelConfig.defaults().withInterval(1_000));
        while (out.size() < 6) {
            tm.run(50);
        }
        String seen = out.text();
        long frontier = tm.newestTime();
        tm.goToTime(frontier - 100);
        long retired = tm.retired(1);
        assertThat(tm.stepHart(1).kind()).isEqualTo(TravelResult.Kind.ARRIVED);
        assertThat(tm.retired(1)).isEqualTo(retired + 1);
        assertThat(tm.time()).as("the step crossed the frontier").isGreaterThan(frontier);

        CollectingConsole plain = ConsoleSink.collecting();
        Machine m = new Machine(cfg, plain, InputSource.none());
        m.load(img);
        m.runUntilTime(tm.time());
        assertThat(plain.text()).startsWith(seen).contains("hello from hart 0\n");
        assertThat(out.text()).as("output before the frontier once, after it as it ran live").isEqualTo(plain.text());
    }
}
