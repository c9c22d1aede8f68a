package dev.rewind.shell.run;

import dev.rewind.emulator.MachineConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options of {@code rewind run}. */
@Command(name = "rewind run", sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs a RISC-V ELF (RV32 or RV64, bare metal, QEMU virt memory map) until it exits.",
        footer = {"", "Exit code: the guest's, or 2 for bad input, " + ProgramRunner.EXIT_LIMIT
                + " when --max-insns ran out, " + ProgramRunner.EXIT_STUCK + " when every hart sleeps for ever."})
public final class RunOptions {

    @Parameters(index = "0", paramLabel = "PROG.elf", description = "the program")
    Path program;

    @Option(names = "--harts", paramLabel = "N", description = "harts sharing memory, 1-16 (default ${DEFAULT-VALUE})")
    int harts = 1;

    @Option(names = "--ram", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "RAM at 0x80000000, e.g. 64M (default 128M)")
    long ram = MachineConfig.DEFAULT_RAM;

    @Option(names = "--quantum", paramLabel = "Q",
            description = "instructions a hart runs before the next one's turn; 1 = lockstep (default ${DEFAULT-VALUE})")
    int quantum = MachineConfig.DEFAULT_QUANTUM;

    @Option(names = "--max-insns", paramLabel = "N", converter = SizeConverter.class,
            description = "stop after N instructions of virtual time (default: no limit)")
    long maxInstructions = Long.MAX_VALUE;

    @Option(names = "--stats", description = "print instructions per hart, wall time and MIPS (on stderr)")
    boolean stats;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    /** The program path. */
    public Path program() {
        return program;
    }

    public int harts() {
        return harts;
    }

    public long ram() {
        return ram;
    }

    public int quantum() {
        return quantum;
    }

    public long maxInstructions() {
        return maxInstructions;
    }

    public boolean stats() {
        return stats;
    }
}
