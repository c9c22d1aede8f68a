package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reverse steps on every hart at growing depths of the time-travel benchmark guest (tests/guest/src/ttbench.c,
 * 4 harts, real GCC ELF): each lands one retirement back on its hart, in the state a plain forward run has at
 * that time, and history stays within its memory budget. How fast this is, is the benchmark's business
 * (releng/bench/timetravel.sh), not a unit test's.
 */
class ReverseStepDepthTest {

    static final Path ELF = Path.of("../tests/guest/elf/ttbench-rv32.elf");

    @Test
    void reverseStepsLandOnTheForwardStateAtEveryDepth() throws Exception {
        ElfImage img = ElfLoader.parse(Files.readAllBytes(ELF));
        MachineConfig cfg = MachineConfig.defaults(32).withHarts(4).withRamSize(64L << 20);
        TimeMachine tm = TimeMachine.create(cfg, img, ConsoleSink.discard(), null, TravelConfig.defaults());
        for (long depth : new long[] {1_000_000, 4_000_000, 10_000_000}) {
            assertThat(tm.goToTime(depth).time()).isEqualTo(depth);
            for (int i = 0; i < 8; i++) {
                int hart = i % 4;
                long expectedRetired = tm.retired(hart) - 1;
                TravelResult r = tm.reverseStep(hart);
                assertThat(r.kind()).isEqualTo(TravelResult.Kind.ARRIVED);
                assertThat(tm.retired(hart)).isEqualTo(expectedRetired);
                assertThat(r.time()).isLessThan(depth);
            }
            Machine forward = new Machine(cfg, ConsoleSink.discard(), InputSource.none());
            forward.load(img);
            forward.runUntilTime(tm.time());
            assertThat(tm.machine().stateHash()).as("landing at %d after reverse steps from %d", tm.time(), depth)
                    .isEqualTo(forward.stateHash());
            tm.goToTime(depth);
        }
        HistoryStats st = tm.stats();
        assertThat(st.bytes()).isLessThanOrEqualTo(st.budget());
        assertThat(st.snapshots()).isGreaterThan(1);
    }
}
