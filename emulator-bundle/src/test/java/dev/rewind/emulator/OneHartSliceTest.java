package dev.rewind.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A lone hart runs its slices over quantum ends (the scheduler keeps the quantum position exactly as if it had
 * stopped at each): the state (the quantum position included, it is in the state hash) must not depend on how a run
 * is cut into {@code run} calls, with the translator on and off, with timer and UART interrupts and WFI; and a hart
 * that never sleeps has exactly {@code quantum - time % quantum} slots left (quanta back to back from time 0).
 */
class OneHartSliceTest {

    static final Path GUEST = Path.of("../tests/guest/elf");

    static Machine boot(ElfImage img, int quantum, boolean jit) {
        Machine m = new Machine(MachineConfig.defaults(img.xlen()).withQuantum(quantum), ConsoleSink.discard(),
                InputSource.of("typed\n".getBytes(), 20_000, 5_000));
        m.setTranslation(jit, 3);
        m.load(img);
        return m;
    }

    @ParameterizedTest(name = "{0}, quantum {1}, translator {2}")
    @CsvSource({"timer-rv32, 1000, true", "timer-rv64, 7, false", "uartirq-rv32, 1000, true", "uartirq-rv64, 3, true",
        "trap-rv32, 1, true", "bench-small-rv32, 1000, true", "bench-small-rv64, 13, false"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theStateDoesNotDependOnHowARunIsCut(String name, int quantum, boolean jit) throws Exception {
        ElfImage img = ElfLoader.parse(GUEST.resolve(name + ".elf"));
        Machine small = boot(img, quantum, jit);
        Machine large = boot(img, quantum, jit);
        boolean sleeps = !name.startsWith("bench");
        long chunk = 1;
        int points = 0;
        while (true) {
            long target = large.time() + 5 * chunk + 7;
            RunResult b = large.run(target - large.time());
            RunResult a = null;
            while (small.time() < b.time() && (a == null || a.reason() == StopReason.LIMIT_REACHED)) {
                a = small.run(Math.min(chunk + points % 11, b.time() - small.time()));
            }
            points++;
            String where = name + " at time " + b.time();
            assertThat(small.time()).as(where).isEqualTo(b.time());
            assertThat(small.stateHash()).as(where).isEqualTo(large.stateHash());
            assertThat(small.slotsLeftInQuantum()).as(where).isEqualTo(large.slotsLeftInQuantum());
            if (!sleeps) {
                assertThat(large.slotsLeftInQuantum()).as(where).isEqualTo(quantum - b.time() % quantum);
            }
            if (b.reason() != StopReason.LIMIT_REACHED || b.time() > 3_000_000) {
                break;
            }
            chunk = Math.min(chunk * 2 + 3, 150_001);
        }
        assertThat(points).isGreaterThan(5);
    }
}
