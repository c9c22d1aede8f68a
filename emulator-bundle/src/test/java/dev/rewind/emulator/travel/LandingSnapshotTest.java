package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A reverse step that replays far leaves a snapshot shortly before its landing, so the next steps back replay
 * little; the steps still land exactly where forward execution was (tests/guest/src/ttbench.c, 4 harts, whose
 * writes stretch the snapshot interval well past the base).
 */
class LandingSnapshotTest {

    @Test
    void aLongStepBackLeavesOneSnapshotNearItsLandingAndEveryLandingMatchesForwardExecution() throws Exception {
        ElfImage tt = ElfLoader.parse(Files.readAllBytes(Path.of("../tests/guest/elf/ttbench-rv32.elf")));
        MachineConfig cfg = MachineConfig.defaults(32).withHarts(4).withRamSize(64L << 20);
        TravelConfig travel = TravelConfig.defaults().withInterval(20_000);
        TimeMachine tm = TimeMachine.create(cfg, tt, ConsoleSink.discard(), null, travel);
        tm.runUntilTime(1_000_000);
        long last = tm.stats().newestTime();
        assertThat(tm.snapshotInterval()).as("ttbench stretches the interval").isGreaterThan(2 * 20_000);
        int before = tm.stats().snapshots();

        tm.reverseStep(0);
        assertThat(tm.stats().snapshots()).as("one landing snapshot").isEqualTo(before + 1);
        for (int i = 0; i < 40; i++) {
            assertThat(tm.machine().stateHash()).as("landing %d at time %d", i, tm.time())
                    .isEqualTo(forwardHash(cfg, tt, tm.time()));
            tm.reverseStep(0);
        }
        assertThat(tm.stats().snapshots()).as("short steps back add none").isEqualTo(before + 1);
        assertThat(tm.stats().newestTime()).isEqualTo(last);

        tm.runUntilTime(1_000_000);
        assertThat(tm.machine().stateHash()).as("forward again through the landing snapshot")
                .isEqualTo(forwardHash(cfg, tt, 1_000_000));
    }

    private static long forwardHash(MachineConfig cfg, ElfImage image, long time) {
        Machine m = new Machine(cfg, ConsoleSink.discard(), dev.rewind.emulator.device.InputSource.none());
        m.load(image);
        m.runUntilTime(time);
        return m.stateHash();
    }
}
