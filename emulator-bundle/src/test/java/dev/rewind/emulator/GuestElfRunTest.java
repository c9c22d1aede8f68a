package dev.rewind.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs the GCC-built guest programs of tests/guest/elf through Machine.load + run. */
class GuestElfRunTest {

    static final Path ELFS = Path.of("../tests/guest/elf");

    static RunResult runElf(String name, int harts, int quantum, CollectingConsole console, long budget)
            throws Exception {
        ElfImage img = ElfLoader.parse(Files.readAllBytes(ELFS.resolve(name)));
        Machine m = new Machine(MachineConfig.defaults(img.xlen()).withHarts(harts).withQuantum(quantum), console,
                InputSource.none());
        m.load(img);
        return m.run(budget);
    }

    @ParameterizedTest
    @CsvSource({
        "hello-rv32.elf, 1, 0, hello from hart 0",
        "hello-rv64.elf, 3, 0, hello from hart 2",
        "exit-code-rv32.elf, 1, 7, bye",
        "exit-code-rv64.elf, 1, 7, bye",
        "trap-rv32.elf, 1, 0, trap: all ok",
        "trap-rv64.elf, 1, 0, trap: all ok",
        "timer-rv32.elf, 1, 0, timer: 5 interrupts ok",
        "timer-rv64.elf, 2, 0, timer: 5 interrupts ok",
        "atomics-rv32.elf, 4, 0, atomics: all ok",
        "atomics-rv64.elf, 2, 0, atomics: all ok",
        "tohost-rv32.elf, 1, 0, ''",
        "tohost-rv64.elf, 1, 0, ''",
        "tohost-fail-rv32.elf, 1, 3, ''",
        "bench-small-rv32.elf, 1, 0, 'checksum 0xf5aac40f'",
        "bench-small-rv64.elf, 1, 0, 'checksum 0xf5aac40f'",
        "work-mix-small-rv32.elf, 1, 0, 'work-mix: 20 rounds, checksum 0x4397'",
        "work-mix-small-rv64.elf, 1, 0, 'work-mix: 20 rounds, checksum 0x4397'",
    })
    void guestProgramRuns(String elf, int harts, int exit, String output) throws Exception {
        CollectingConsole console = ConsoleSink.collecting();
        RunResult r = runElf(elf, harts, 1000, console, 50_000_000);
        assertThat(r.reason()).as(r.message() + " / " + console.text()).isEqualTo(StopReason.EXITED);
        assertThat(r.exitCode()).as(console.text()).isEqualTo(exit);
        assertThat(console.text()).contains(output);
    }
}
