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
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Reverse-step latency on the time-travel benchmark guest (tests/guest/src/ttbench.c, 4 harts, real GCC ELF) at
 * growing depths, with the default snapshot interval: it must stay flat with depth (bounded by the interval).
 * Also the recording overhead (automatic snapshots on vs off) and the history size. Figures go to stdout; the
 * bounds are generous so that a busy CI machine passes, the benchmark proper is releng's job.
 */
class ReverseLatencyTest {

    static final Path ELF = Path.of("../tests/guest/elf/ttbench-rv32.elf");

    @Test
    void reverseStepCostIsFlatWithDepth() throws Exception {
        ElfImage img = ElfLoader.parse(Files.readAllBytes(ELF));
        MachineConfig cfg = MachineConfig.defaults(32).withHarts(4).withRamSize(64L << 20);
        Machine plain = new Machine(cfg, ConsoleSink.discard(), InputSource.none());
        plain.load(img);
        TimeMachine warm = TimeMachine.create(cfg, img, ConsoleSink.discard(), null, TravelConfig.defaults());
        warm.run(3_000_000);
        warm.reverseStep(0);
        plain.runUntilTime(3_000_000);
        plain.load(img);
        TimeMachine tm = TimeMachine.create(cfg, img, ConsoleSink.discard(), null, TravelConfig.defaults());
        long[] depths = {1_000_000, 4_000_000, 10_000_000};
        double[] medians = new double[depths.length];
        long travelNanos = 0;
        for (int d = 0; d < depths.length; d++) {
            long t0 = System.nanoTime();
            TravelResult run = tm.goToTime(depths[d]);
            travelNanos += System.nanoTime() - t0;
            assertThat(run.time()).isEqualTo(depths[d]);
            long[] lat = new long[9];
            for (int i = 0; i < lat.length; i++) {
                long expectedRetired = tm.retired(i % 4) - 1;
                long s = System.nanoTime();
                TravelResult r = tm.reverseStep(i % 4);
                lat[i] = System.nanoTime() - s;
                assertThat(r.kind()).isEqualTo(TravelResult.Kind.ARRIVED);
                assertThat(tm.retired(i % 4)).isEqualTo(expectedRetired);
            }
            tm.goToTime(depths[d]);
            Arrays.sort(lat);
            medians[d] = lat[lat.length / 2] / 1e6;
            System.out.printf("reverse step at %,d instructions (4 harts): median %.2f ms, max %.2f ms%n", depths[d],
                    medians[d], lat[lat.length - 1] / 1e6);
        }
        HistoryStats st = tm.stats();
        System.out.printf("history after %,d: %d snapshots, %,d unique pages, %.1f MiB of %.0f MiB budget%n",
                tm.newestTime(), st.snapshots(), st.uniquePages(), st.bytes() / 1048576.0, st.budget() / 1048576.0);
        assertThat(st.bytes()).isLessThanOrEqualTo(st.budget());
        for (double m : medians) {
            assertThat(m).as("median reverse-step latency in ms").isLessThan(100);
        }
        assertThat(medians[2]).as("flat with depth").isLessThan(Math.max(5 * medians[0], 20));

        plain = new Machine(cfg, ConsoleSink.discard(), InputSource.none());
        plain.load(img);
        long s = System.nanoTime();
        plain.runUntilTime(depths[2]);
        long plainNanos = System.nanoTime() - s;
        System.out.printf("recording overhead: %.2fx (%.0f ms with snapshots vs %.0f ms without, %.0f MIPS plain)%n",
                travelNanos / (double) plainNanos, travelNanos / 1e6, plainNanos / 1e6,
                depths[2] / (plainNanos / 1e3));
        assertThat(plain.stateHash()).as("same state with and without history").isEqualTo(tm.machine().stateHash());
    }
}
