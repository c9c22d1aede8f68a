package dev.rewind.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@link QuickArgs} reads the common forms of {@code rewind run}'s arguments exactly as picocli does, and no others. */
@Timeout(30)
class RunOptionsQuickTest {

    private static RunOptions picocli(String... args) {
        RunOptions options = new RunOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    private static List<Object> fields(RunOptions o) {
        return List.of(String.valueOf(o.program), o.harts, o.ram, o.quantum, o.maxInstructions, o.stats, o.help);
    }

    @Test
    void commonFormsGiveWhatPicocliGives() {
        List<String[]> cases = List.of(
                new String[] {"p.elf"},
                new String[] {"--harts", "4", "p.elf"},
                new String[] {"p.elf", "--harts=2", "--stats"},
                new String[] {"--ram", "64M", "--quantum", "1", "--max-insns", "20000000", "dir/p.elf"},
                new String[] {"--max-insns=1G", "--ram=65536", "p.elf", "--quantum=1000"},
                new String[] {"--stats", "--ram", "2G", "p.elf"});
        for (String[] args : cases) {
            RunOptions quick = QuickArgs.parse(args);
            assertThat(quick).as(String.join(" ", args)).isNotNull();
            assertThat(fields(quick)).as(String.join(" ", args)).isEqualTo(fields(picocli(args)));
        }
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        List<String[]> cases = List.of(
                new String[] {},
                new String[] {"--help"},
                new String[] {"-h", "p.elf"},
                new String[] {"p.elf", "q.elf"},
                new String[] {"--harts", "p.elf"},
                new String[] {"p.elf", "--harts"},
                new String[] {"--harts", "x", "p.elf"},
                new String[] {"--harts", "-1", "p.elf"},
                new String[] {"--harts=1", "--harts=2", "p.elf"},
                new String[] {"--ram", "64k", "p.elf"},
                new String[] {"--ram", "1T", "p.elf"},
                new String[] {"--stats=true", "p.elf"},
                new String[] {"--unknown", "p.elf"},
                new String[] {"--", "p.elf"},
                new String[] {"@args.txt"},
                new String[] {""});
        for (String[] args : cases) {
            assertThat(QuickArgs.parse(args)).as(String.join(" ", args)).isNull();
        }
    }
}
