package dev.rewind.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The trace follows time travel: replay adds nothing, changing the past drops the old future's events. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TraceTimeTravelTest {

    private static TimeMachine tm(ElfImage img) {
        return TimeMachine.create(MachineConfig.defaults(32).withHarts(4), img, ConsoleSink.discard(), null,
                TravelConfig.defaults().withInterval(20_000));
    }

    @Test
    void replayAddsNothingAndAChangedPastCutsTheTrace() throws Exception {
        ElfImage img = TraceRecorderTest.demo();
        List<Record> posted = new ArrayList<>();
        TimeMachine a = tm(img);
        TimeMachine b = tm(img);
        TraceRecorder ra = new TraceRecorder("a", TraceOptions.parse("calls,traps,uart", img, 8 << 20),
                FunctionTable.of(img), posted::add);
        TraceRecorder rb = new TraceRecorder("b", TraceOptions.parse("calls,traps,uart", img, 8 << 20),
                FunctionTable.of(img), null);
        a.machine().plugins().install(ra);
        b.machine().plugins().install(rb);
        a.run(200_000);
        long t1 = a.time();
        long events = ra.snapshot().events();
        a.goToTime(t1 / 2);
        a.reverseStep(1);
        assertThat(ra.snapshot().events()).as("going back records nothing").isEqualTo(events);
        a.runUntilTime(t1 + 100_000);
        b.runUntilTime(t1 + 100_000);
        assertThat(ra.snapshot().lanes()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(rb.snapshot().lanes());

        long cut = t1 / 3;
        a.goToTime(cut);
        a.writeMemory(img.symbol("items_produced").orElseThrow().value(), new byte[] {1, 0, 0, 0}, 0, 4);
        for (Lane l : ra.snapshot().lanes()) {
            for (long t : l.time()) {
                assertThat(t).as("hart " + l.hart()).isLessThanOrEqualTo(cut);
            }
        }
        assertThat(posted).anySatisfy(p -> assertThat(p).isEqualTo(new TraceCut("a", cut)));
        a.run(50_000);
        assertThat(ra.snapshot().events()).as("the new future is traced").isGreaterThan(0);
    }
}
