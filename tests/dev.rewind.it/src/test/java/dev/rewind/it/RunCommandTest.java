package dev.rewind.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.it.RewindProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./rewind run} and {@code ./rewind demo} on the committed GCC-built guest programs. */
class RunCommandTest {

    private static String elf(String name) {
        return RewindProcess.ROOT.resolve("tests/guest/elf/" + name).toString();
    }

    @Test
    void helloOnFourHartsPrintsEachHartInOrder() throws Exception {
        Result r = RewindProcess.run("run", elf("hello-rv64.elf"), "--harts", "4");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsSubsequence("hello from hart 0", "hello from hart 1", "hello from hart 2",
                "hello from hart 3");
    }

    @Test
    void guestExitCodeBecomesTheProcessExitCode() throws Exception {
        Result r = RewindProcess.run("run", elf("exit-code-rv32.elf"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        assertThat(r.out()).isEqualTo("bye\n");
    }

    @Test
    void statsReportInstructionsWallTimeAndMips() throws Exception {
        Result r = RewindProcess.run("run", elf("bench-small-rv32.elf"), "--stats");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("checksum 0xf5aac40f");
        assertThat(r.err()).containsPattern("hart 0 instructions: \\d+").containsPattern("(?m)^instructions: \\d{7}")
                .containsPattern("wall: [0-9.]+ s").containsPattern("MIPS: [0-9.]+");
    }

    @Test
    void tohostProgramsEndThroughHtif() throws Exception {
        assertThat(RewindProcess.run("run", elf("tohost-rv32.elf")).exitCode()).isZero();
        assertThat(RewindProcess.run("run", elf("tohost-fail-rv64.elf")).exitCode()).isEqualTo(3);
    }

    @Test
    void endlessGuestStopsAtMaxInsns() throws Exception {
        Result r = RewindProcess.run("run", elf("bench-rv32.elf"), "--max-insns", "2M");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(124);
        assertThat(r.err()).contains("did not exit within 2,097,152 instructions");
    }

    @Test
    void badInputGetsAClearMessageAndExitCodeTwo(@TempDir Path dir) throws Exception {
        Result notElf = RewindProcess.run("run", "/bin/true");
        assertThat(notElf.exitCode()).isEqualTo(2);
        assertThat(notElf.err()).contains("not a usable RISC-V ELF", "x86-64");

        byte[] whole = Files.readAllBytes(Path.of(elf("hello-rv32.elf")));
        Path truncated = Files.write(dir.resolve("truncated.elf"), Arrays.copyOf(whole, 100));
        Result cut = RewindProcess.run("run", truncated.toString());
        assertThat(cut.exitCode()).isEqualTo(2);
        assertThat(cut.err()).contains("not a usable RISC-V ELF");

        Result missing = RewindProcess.run("run", dir.resolve("absent.elf").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");

        Result option = RewindProcess.run("run", elf("hello-rv32.elf"), "--frobnicate");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option", "Usage: rewind run");

        Result tinyRam = RewindProcess.run("run", elf("hello-rv32.elf"), "--ram", "4K");
        assertThat(tinyRam.exitCode()).isEqualTo(2);
        assertThat(tinyRam.err()).contains("outside RAM");
    }

    @Test
    void demoShowsTheLostUpdateAndFindsItByTimeTravel() throws Exception {
        Result first = RewindProcess.run("demo");
        Result second = RewindProcess.run("demo");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("LOST UPDATE: expected 12000 got", "exited with code 3",
                "a write watchpoint on items_produced", "<count_item+92>", "stored a stale value");
        String found1 = first.out().lines().filter(l -> l.startsWith("Found it after")).findFirst().orElseThrow();
        String found2 = second.out().lines().filter(l -> l.startsWith("Found it after")).findFirst().orElseThrow();
        // the same culprit at the same virtual time on every run (the host time in parentheses may differ)
        assertThat(found2.replaceAll("\\(\\d+ ms\\)", "")).isEqualTo(found1.replaceAll("\\(\\d+ ms\\)", ""));
        assertThat(found1).containsPattern("at time [0-9,]+ hart \\d stored \\d+ at 0x[0-9a-f]+ <count_item\\+92>");
    }
}
