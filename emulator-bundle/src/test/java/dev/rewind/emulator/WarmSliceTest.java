package dev.rewind.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A lone hart's first slices are short ({@link Scheduler#WARM_SLICE} slots, so that HotSpot compiles the slice loop
 * early), later ones long again; the state at any time is the same as that of a run cut into other slices.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WarmSliceTest {

    static Machine boot(ElfImage img, int harts) {
        Machine m = new Machine(MachineConfig.defaults(img.xlen()).withHarts(harts), ConsoleSink.discard(),
                InputSource.none());
        m.load(img);
        return m;
    }

    @Test
    void aLoneHartStartsWithShortSlicesThenRunsLongOnes() throws Exception {
        ElfImage img = ElfLoader.parse(OneHartSliceTest.GUEST.resolve("bench-rv32.elf"));
        Machine m = boot(img, 1);
        RunResult r = m.run(2_000_000);
        assertThat(r.reason()).isEqualTo(StopReason.LIMIT_REACHED);
        assertThat(m.slices()).as("one run call of 2e6 slots: slices of at most 2e4").isGreaterThanOrEqualTo(100);
        assertThat(m.run(Scheduler.WARM_SLICE * Scheduler.WARM_SLICES).reason()).isEqualTo(StopReason.LIMIT_REACHED);
        long before = m.slices();
        long more = 64L << 20;
        assertThat(m.run(more).reason()).isEqualTo(StopReason.LIMIT_REACHED);
        assertThat(m.slices() - before).as("slices of the next %d slots", more).isLessThanOrEqualTo(64 + 2);

        // the same history cut into other slices (one run call per slot at first, then uneven ones): same state
        Machine other = boot(img, 1);
        for (int k = 0; k < 3000; k++) {
            other.run(1);
        }
        while (other.time() < m.time()) {
            other.run(Math.min(777_777, m.time() - other.time()));
        }
        assertThat(other.time()).isEqualTo(m.time());
        assertThat(other.stateHash()).isEqualTo(m.stateHash());
    }
}
