package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The automatic snapshot interval follows the guest's dirty-page rate, between the configured interval and its
 * maximum, deterministically (page counts and virtual time only).
 */
class SnapshotScheduleTest {

    @Test
    void intervalFollowsDirtyPagesWithinItsBounds() {
        SnapshotSchedule s = new SnapshotSchedule(TravelConfig.defaults().withInterval(1000).withMaxInterval(50_000));
        assertThat(s.interval()).isEqualTo(1000);
        s.snapshotTaken(0);
        assertThat(s.interval()).isEqualTo(1000);
        s.snapshotTaken(1);
        assertThat(s.interval()).as("at most doubles").isEqualTo(2000);
        s.snapshotTaken(8);
        assertThat(s.interval()).isEqualTo(4000);
        s.snapshotTaken(8);
        assertThat(s.interval()).isEqualTo(8000);
        s.snapshotTaken(8);
        s.snapshotTaken(8);
        assertThat(s.interval()).as("settles at the dirty pages' weight").isEqualTo(8 * SnapshotSchedule.PAGE_WEIGHT);
        s.snapshotTaken(1_000_000);
        assertThat(s.interval()).as("at most doubles").isEqualTo(16 * SnapshotSchedule.PAGE_WEIGHT);
        s.snapshotTaken(1_000_000);
        assertThat(s.interval()).isEqualTo(50_000);
        s.snapshotTaken(Long.MAX_VALUE);
        assertThat(s.interval()).isEqualTo(50_000);
        s.snapshotTaken(3);
        assertThat(s.interval()).as("shrinks at once").isEqualTo(3 * SnapshotSchedule.PAGE_WEIGHT);
        assertThat(s.due(Long.MAX_VALUE - 10)).isEqualTo(Long.MAX_VALUE);
        assertThat(s.due(7)).isEqualTo(7 + 3 * SnapshotSchedule.PAGE_WEIGHT);

        SnapshotSchedule fixed = new SnapshotSchedule(TravelConfig.defaults().withMaxInterval(
                TravelConfig.DEFAULT_INTERVAL));
        fixed.snapshotTaken(100_000);
        assertThat(fixed.interval()).isEqualTo(TravelConfig.DEFAULT_INTERVAL);
    }

    @Test
    void configDefaultsAndValidation() {
        TravelConfig d = TravelConfig.defaults();
        assertThat(d.maxInterval()).isEqualTo(TravelConfig.DEFAULT_INTERVAL * TravelConfig.DEFAULT_STRETCH);
        assertThat(d.withInterval(Long.MAX_VALUE / 4).maxInterval()).isEqualTo(Long.MAX_VALUE);
        assertThat(d.withBudget(1).maxInterval()).isEqualTo(d.maxInterval());
        assertThat(d.fittingHeap(100L << 20).memoryBudget()).as("half of a small heap").isEqualTo(50L << 20);
        assertThat(d.fittingHeap(100L << 20).maxInterval()).isEqualTo(d.maxInterval());
        assertThat(d.fittingHeap(1L << 30)).isSameAs(d);
        assertThatThrownBy(() -> d.withMaxInterval(d.snapshotInterval() - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below the interval");
    }

    @Test
    void aGuestRewritingManyPagesGetsLongerIntervalsThanOneWithASmallWorkingSet() throws Exception {
        MachineConfig cfg = MachineConfig.defaults(32).withHarts(4).withRamSize(64L << 20);
        ElfImage tt = ElfLoader.parse(Files.readAllBytes(Path.of("../tests/guest/elf/ttbench-rv32.elf")));
        TimeMachine busy = TimeMachine.create(cfg, tt, ConsoleSink.discard(), null, TravelConfig.defaults());
        busy.runUntilTime(3_000_000);
        assertThat(busy.snapshotInterval()).as("ttbench rewrites its 4 MiB of heaps in every interval")
                .isEqualTo(TravelConfig.defaults().maxInterval());
        assertThat(busy.stats().snapshots()).isLessThan(3_000_000 / (int) TravelConfig.DEFAULT_INTERVAL);

        ElfImage bench = ElfLoader.parse(Files.readAllBytes(Path.of("../tests/guest/elf/bench-mt-rv32.elf")));
        TimeMachine calm = TimeMachine.create(cfg, bench, ConsoleSink.discard(), null, TravelConfig.defaults());
        calm.runUntilTime(3_000_000);
        assertThat(calm.snapshotInterval()).as("bench-mt writes a few pages").isEqualTo(
                TravelConfig.DEFAULT_INTERVAL);
        assertThat(calm.stats().snapshots()).isGreaterThanOrEqualTo(3_000_000 / (int) TravelConfig.DEFAULT_INTERVAL);

        TimeMachine again = TimeMachine.create(cfg, tt, ConsoleSink.discard(), null, TravelConfig.defaults());
        again.runUntilTime(3_000_000);
        assertThat(again.stats()).as("the same run keeps the same history").isEqualTo(busy.stats());
    }
}
