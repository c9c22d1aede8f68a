package dev.rewind.emulator.jit;

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
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every GCC guest ELF runs on a machine with the translator off and on machines with it forced on (every
 * block translated at first sight, or after 3 entries so regions span several blocks); the runs advance in
 * the same uneven chunks and must agree on the state hash after every chunk, on the stop, the exit code and
 * the console output.
 */
class ElfDifferentialTest {

    static final Path GUEST = Path.of("../tests/guest/elf");

    record Run(Machine m, CollectingConsole out) {
    }

    static Run boot(ElfImage img, int harts, int quantum, boolean jit, int threshold) {
        CollectingConsole console = ConsoleSink.collecting();
        Machine m = new Machine(MachineConfig.defaults(img.xlen()).withHarts(harts).withQuantum(quantum), console,
                InputSource.of("typed\n".getBytes(), 20_000, 5_000));
        m.setTranslation(jit, threshold);
        m.load(img);
        return new Run(m, console);
    }

    @ParameterizedTest(name = "{0} on {1} harts, quantum {2}")
    @CsvSource({
        "hello-rv32, 1, 1000", "hello-rv64, 4, 1000", "hello-rv32, 2, 7",
        "atomics-rv32, 4, 1000", "atomics-rv64, 4, 13",
        "demo-rv32, 4, 1000", "demo-rv64, 4, 2",
        "bench-small-rv32, 1, 1000", "bench-small-rv64, 1, 1000",
        "work-mix-small-rv32, 1, 1000", "work-mix-small-rv64, 1, 1000",
        "trap-rv32, 1, 1000", "trap-rv64, 1, 3",
        "timer-rv32, 1, 1000", "timer-rv64, 4, 1000",
        "exit-code-rv32, 1, 1", "exit-code-rv64, 1, 2",
        "tohost-rv32, 1, 1000", "tohost-fail-rv64, 1, 1000",
    })
    void translatedRunsMatchTheInterpreter(String name, int harts, int quantum) throws Exception {
        ElfImage img = ElfLoader.parse(GUEST.resolve(name + ".elf"));
        Run ref = boot(img, harts, quantum, false, 0);
        Run hot0 = boot(img, harts, quantum, true, 0);
        Run hot3 = boot(img, harts, quantum, true, 3);
        long chunk = 1;
        int points = 0;
        while (true) {
            RunResult a = ref.m().run(chunk);
            RunResult b = hot0.m().run(chunk);
            RunResult c = hot3.m().run(chunk);
            points++;
            assertThat(b).as("threshold 0 after %d points", points).isEqualTo(a);
            assertThat(c).as("threshold 3 after %d points", points).isEqualTo(a);
            assertThat(hot0.m().stateHash()).as("threshold 0 hash at time %d", a.time())
                    .isEqualTo(ref.m().stateHash());
            assertThat(hot3.m().stateHash()).as("threshold 3 hash at time %d", a.time())
                    .isEqualTo(ref.m().stateHash());
            if (a.reason() != StopReason.LIMIT_REACHED || a.time() > 4_500_000) {
                break;
            }
            chunk = chunk * 3 + 17 + points % 7;
            if (chunk > 3_000_000) {
                chunk = 999_983 + points;
            }
        }
        assertThat(ref.m().time()).isGreaterThan(0);
        assertThat(hot0.out().text()).isEqualTo(ref.out().text());
        assertThat(hot3.out().text()).isEqualTo(ref.out().text());
        assertThat(hot0.m().translationCounts()[0]).as("regions translated").isPositive();
        assertThat(hot0.m().translationCounts()[2]).as("failed translations").isZero();
        assertThat(hot3.m().translationCounts()[2]).as("failed translations").isZero();
        assertThat(ref.m().translationCounts()[0]).isZero();
    }
}
