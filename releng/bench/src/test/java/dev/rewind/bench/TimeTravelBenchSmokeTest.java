package dev.rewind.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the benchmark at a small depth (the benchmark itself runs from timetravel.sh, not the build). */
class TimeTravelBenchSmokeTest {

    private static final Path ELF = Path.of("../../tests/guest/elf/ttbench-rv32.elf");
    /** A fixed, short interval: enough snapshots in a short run (the default interval stretches on ttbench). */
    private static final TravelConfig TRAVEL = TravelConfig.defaults().withInterval(20_000).withMaxInterval(20_000);

    @Test
    void reverseStepFiguresAreProducedAndEveryLandingMatchesForwardExecution() throws Exception {
        Guest g = new Guest(ELF, 4, 64L << 20);
        TimeMachine tm = g.timeMachine(TRAVEL);
        ReverseStepProbe.goTo(tm, 100_000);
        ReverseStepProbe.Result r = new ReverseStepProbe(0, 2, 1, 2).measure(tm);

        assertThat(r.depth()).isEqualTo(100_000);
        assertThat(r.atDepth().n()).isEqualTo(2);
        assertThat(r.atDepth().median()).isPositive();
        assertThat(r.spread().n()).isEqualTo(2);
        assertThat(r.history().snapshots()).isGreaterThanOrEqualTo(5);
        assertThat(r.firsts().n()).isEqualTo(2);
        assertThat(r.landings()).as("first and timed next steps").hasSize(6);
        for (ReverseStepProbe.Landing l : r.landings()) {
            assertThat(l.time()).isLessThan(l.from());
            Machine forward = g.machine();
            forward.runUntilTime(l.time());
            assertThat(forward.stateHash()).as("state at time %d, landed from %d", l.time(), l.from())
                    .isEqualTo(l.stateHash());
        }
    }

    @Test
    void singleHartProbeStopsAtTheFirstMarkAtItsKnownCount() throws Exception {
        Guest g = new Guest(ELF, 1, 64L << 20);
        TimeMachine tm = g.timeMachine(TRAVEL);
        tm.machine().addBreakpoint(g.markPc());
        tm.run(Long.MAX_VALUE);
        // tests/guest/README.md: hart 0 reaches tt_mark(0) after 1,000,073 instructions (RV32)
        assertThat(tm.time()).isEqualTo(1_000_073L);
        assertThat(tm.machine().hart(0).pc()).isEqualTo(g.markPc());
    }

    @Test
    void overheadAndReportWithQemuFigures(@TempDir Path dir) throws Exception {
        Guest g = new Guest(ELF, 4, 64L << 20);
        OverheadProbe.Result o = new OverheadProbe(g, TRAVEL).measure(200_000, 1, 50_000);
        assertThat(o.plainMs().median()).isPositive();
        assertThat(o.history().snapshots()).isGreaterThanOrEqualTo(10);
        assertThat(o.history().bytes()).isLessThanOrEqualTo(o.history().budget());

        Path q = dir.resolve("qemu.tsv");
        Files.writeString(q, "# icount median_ms min_ms max_ms n stepi_ms\n100006 12.5 11.0 14.0 5 1.0\n");
        QemuFigures qemu = QemuFigures.read(q);
        BenchOptions opts = BenchOptions.parse(new String[] {"--depths", "1e5", "--root", "../.."});
        Guest g1 = new Guest(ELF, 1, 64L << 20);
        TimeMachine tm = g1.timeMachine(TRAVEL);
        ReverseStepProbe.goTo(tm, 100_000);
        ReverseStepProbe.Result single = new ReverseStepProbe(0, 1, 0, 1).measure(tm);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Report(opts, new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(Map.of(), List.of(single),
                List.of(o), qemu);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("1e5").contains("12.5 (11.0..14.0)").contains("Recording overhead")
                .contains("Snapshot memory");
    }

    @Test
    void optionsParseNumbersAndSizes() {
        assertThat(BenchOptions.number("1e8")).isEqualTo(100_000_000L);
        assertThat(BenchOptions.number("1_000")).isEqualTo(1000L);
        assertThat(BenchOptions.size("64M")).isEqualTo(64L << 20);
        assertThat(Report.exp(1_000_000_000L)).isEqualTo("1e9");
        assertThat(Report.exp(12_345)).isEqualTo("12,345");
    }
}
