package dev.rewind.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfFormatException;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.emulator.elf.ElfSegment;
import dev.rewind.emulator.elf.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loads real GCC-built ELFs (tests/guest/elf and the device fixtures) through ElfLoader into a Machine with
 * its real devices (UART 16550, CLINT, test finisher, HTIF) and checks console output and exit codes, on 1
 * and 4 harts; and that bad input gets clear errors.
 */
class MachineElfTest {

    static final Path GUEST = Path.of("../tests/guest/elf");
    static final long BUDGET = 60_000_000;

    /** A finished run: how it stopped and what the guest printed. */
    record Outcome(RunResult result, String output, Machine machine) {
    }

    static Outcome run(ElfImage img, int harts, int quantum, InputSource input) {
        CollectingConsole console = ConsoleSink.collecting();
        Machine m = new Machine(MachineConfig.defaults(img.xlen()).withHarts(harts).withQuantum(quantum), console,
                input);
        m.load(img);
        RunResult r = m.run(BUDGET);
        return new Outcome(r, console.text(), m);
    }

    static ElfImage guest(String name) throws Exception {
        return ElfLoader.parse(GUEST.resolve(name));
    }

    private static void assertExited(Outcome o, int code) {
        assertThat(o.result().reason()).as("%s; output: %s", o.result().message(), o.output())
                .isEqualTo(StopReason.EXITED);
        assertThat(o.result().exitCode()).as("output: %s", o.output()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rv32", "rv64"})
    void helloOnOneAndFourHarts(String arch) throws Exception {
        ElfImage img = guest("hello-" + arch + ".elf");
        Outcome one = run(img, 1, 1000, InputSource.none());
        assertExited(one, 0);
        assertThat(one.output()).isEqualTo("hello from hart 0\n");

        Outcome four = run(img, 4, 1000, InputSource.none());
        assertExited(four, 0);
        assertThat(four.output())
                .isEqualTo("hello from hart 0\nhello from hart 1\nhello from hart 2\nhello from hart 3\n");
        for (int h = 0; h < 4; h++) {
            assertThat(four.machine().retired(h)).as("hart %d retired", h).isPositive();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "exit-code, 1, 7, '^bye\\n$'",
        "exit-code, 4, 7, '^bye\\n$'",
        "atomics, 1, 0, 'atomics: all ok'",
        "atomics, 4, 0, '(?s)atomics: 4 harts.*atomics: all ok'",
        "timer, 4, 0, 'timer: 5 interrupts ok'",
        "trap, 4, 0, 'trap: all ok'",
        "bench-small, 4, 0, 'bench: 17 iterations, checksum 0xf5aac40f'",
        "demo, 1, 2, 'demo: needs at least 2 harts'",
    })
    void guestProgramsOnBothXlens(String program, int harts, int exit, String outputRegex) throws Exception {
        for (String arch : List.of("rv32", "rv64")) {
            Outcome o = run(guest(program + "-" + arch + ".elf"), harts, 1000, InputSource.none());
            assertExited(o, exit);
            assertThat(o.output()).as(arch).containsPattern(outputRegex);
        }
    }

    @ParameterizedTest
    @CsvSource({"tohost, 0", "tohost-fail, 3"})
    void htifExitCodesOnOneAndFourHarts(String program, int exit) throws Exception {
        for (String arch : List.of("rv32", "rv64")) {
            for (int harts : new int[] {1, 4}) {
                Outcome o = run(guest(program + "-" + arch + ".elf"), harts, 1000, InputSource.none());
                assertExited(o, exit);
                assertThat(o.output()).isEmpty();
            }
        }
    }

    @Test
    void htifConsoleAndFromhostAcknowledgement() {
        Outcome o = run(Fixtures.image("tohost64.elf"), 1, 100, InputSource.none());
        assertExited(o, 3);
        assertThat(o.output()).isEqualTo("hi\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello32.elf", "hello64.elf"})
    void minimalUartProgramOnOneAndFourHarts(String fixture) {
        for (int harts : new int[] {1, 4}) {
            Outcome o = run(Fixtures.image(fixture), harts, 1, InputSource.none());
            assertExited(o, 0);
            assertThat(o.output()).isEqualTo("hello\n");
        }
    }

    @Test
    void loadAddressDifferentFromRunAddress() {
        // picolibc's crt0 copies .data from its load address (0x800001f0) to RAM (0x80100000).
        Outcome o = run(Fixtures.image("split64.elf"), 1, 1000, InputSource.none());
        assertExited(o, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo32.elf", "echo64.elf"})
    void uartInputArrivesAtItsVirtualTime(String fixture) {
        byte[] text = "Hello, Rewind\n".getBytes(StandardCharsets.US_ASCII);
        Outcome o = run(Fixtures.image(fixture), 4, 1000, InputSource.of(text, 5_000, 2_000));
        assertExited(o, text.length);
        assertThat(o.output()).isEqualTo("HELLO, REWIND\n");
        // The last byte only arrives at 5000 + 13 * 2000: the guest cannot have finished earlier.
        assertThat(o.result().time()).isGreaterThan(5_000 + 13 * 2_000);
    }

    @Test
    void uartInputReplaysIdenticallyAfterSnapshotRestore() {
        byte[] text = "abcdefgh\n".getBytes(StandardCharsets.US_ASCII);
        CollectingConsole console = ConsoleSink.collecting();
        ElfImage img = Fixtures.image("echo64.elf");
        Machine m = new Machine(MachineConfig.defaults(64).withHarts(2).withQuantum(100), console,
                InputSource.of(text, 1_000, 1_000));
        m.load(img);
        RunResult mid = m.runUntilTime(4_500); // 'a'..'d' delivered, 'e' pending
        assertThat(mid.reason()).isEqualTo(StopReason.TIME_REACHED);
        String before = console.text();
        assertThat(before).isEqualTo("ABCD");
        MachineSnapshot snap = m.snapshot();
        long hashAtSnapshot = m.stateHash();

        RunResult end = m.run(BUDGET);
        assertThat(end.reason()).isEqualTo(StopReason.EXITED);
        assertThat(end.exitCode()).isEqualTo(9);
        String firstRun = console.text().substring(before.length());
        assertThat(firstRun).isEqualTo("EFGH\n");
        long endHash = m.stateHash();

        m.restore(snap);
        assertThat(m.stateHash()).isEqualTo(hashAtSnapshot);
        RunResult again = m.run(BUDGET);
        assertThat(again).isEqualTo(end);
        assertThat(console.text()).isEqualTo(before + firstRun + firstRun);
        assertThat(m.stateHash()).isEqualTo(endHash);
    }

    @Test
    void sameElfSameInputIsBitIdentical() throws Exception {
        ElfImage img = guest("timer-rv64.elf");
        Outcome a = run(img, 4, 1000, InputSource.none());
        Outcome b = run(img, 4, 1000, InputSource.none());
        assertExited(a, 0);
        assertThat(b.result()).isEqualTo(a.result());
        assertThat(b.output()).isEqualTo(a.output());
        assertThat(b.machine().stateHash()).isEqualTo(a.machine().stateHash());
    }

    // ---- bad input ----

    @Test
    void truncatedAndCorruptedGuestElfsAreRejectedClearly() throws Exception {
        byte[] full = Files.readAllBytes(GUEST.resolve("hello-rv64.elf"));
        assertThatThrownBy(() -> ElfLoader.parse(Arrays.copyOf(full, 30))).isInstanceOf(ElfFormatException.class)
                .hasMessageContaining("truncated ELF header");
        assertThatThrownBy(() -> ElfLoader.parse(Arrays.copyOf(full, 0x1100)))
                .isInstanceOf(ElfFormatException.class).hasMessageContaining("beyond the end of the file");
        byte[] bad = full.clone();
        bad[0] = 0;
        assertThatThrownBy(() -> ElfLoader.parse(bad)).isInstanceOf(ElfFormatException.class)
                .hasMessageContaining("not an ELF file");
        Path tmp = Files.createTempFile("truncated", ".elf");
        try {
            Files.write(tmp, Arrays.copyOf(full, 100));
            assertThatThrownBy(() -> ElfLoader.parse(tmp)).isInstanceOf(ElfFormatException.class)
                    .hasMessageStartingWith(tmp.toString());
        } finally {
            Files.delete(tmp);
        }
    }

    @Test
    void hostExecutableIsNotRiscV() {
        Path host = Path.of("/bin/true");
        assertThat(host).exists();
        assertThatThrownBy(() -> ElfLoader.parse(host)).isInstanceOf(ElfFormatException.class)
                .hasMessageContaining("not a RISC-V ELF").hasMessageContaining("x86-64");
    }

    @Test
    void wrongXlenIsRefusedByTheMachine() throws Exception {
        ElfImage rv32 = guest("hello-rv32.elf");
        Machine m = new Machine(MachineConfig.defaults(64), ConsoleSink.discard(), InputSource.none());
        assertThatThrownBy(() -> m.load(rv32)).isInstanceOf(LoadException.class).hasMessageContaining("RV32")
                .hasMessageContaining("RV64");
    }

    @Test
    void segmentsOutsideRamAreRefused() throws Exception {
        // hello's data segment (with 8 harts' stacks) ends above 0x80020000: not in 64 KiB of RAM.
        ElfImage img = guest("hello-rv64.elf");
        Machine small = new Machine(MachineConfig.defaults(64).withRamSize(64 << 10), ConsoleSink.discard(),
                InputSource.none());
        assertThatThrownBy(() -> small.load(img)).isInstanceOf(LoadException.class)
                .hasMessageContaining("outside RAM");

        // A segment aimed at the UART's MMIO window, below RAM.
        ElfImage mmio = ElfImage.of(64, 0x8000_0000L,
                List.of(new ElfSegment(0x1000_0000L, 0x1000_0000L, new byte[16], 16, ElfSegment.PF_R)), List.of());
        Machine m = new Machine(MachineConfig.defaults(64), ConsoleSink.discard(), InputSource.none());
        assertThatThrownBy(() -> m.load(mmio)).isInstanceOf(LoadException.class)
                .hasMessageContaining("0x10000000").hasMessageContaining("outside RAM");

        // A segment that starts in RAM and runs past its end.
        ElfImage straddling = ElfImage.of(64, 0x8000_0000L, List.of(new ElfSegment(0x8000_0000L + (128L << 20) - 8,
                0, new byte[4], 16, ElfSegment.PF_R)), List.of());
        assertThatThrownBy(() -> m.load(straddling)).isInstanceOf(LoadException.class)
                .hasMessageContaining("outside RAM");
    }
}
