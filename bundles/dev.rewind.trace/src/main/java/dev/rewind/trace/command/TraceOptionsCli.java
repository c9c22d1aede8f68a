package dev.rewind.trace.command;

import dev.rewind.emulator.MachineConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options of {@code rewind trace}. */
@Command(name = "rewind trace", sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs a RISC-V ELF and writes a trace of what each hart did: CTF (babeltrace2, Trace Compass), "
                + "Chrome trace-event JSON (Perfetto, chrome://tracing) or a self-contained HTML timeline.")
public final class TraceOptionsCli {

    @Parameters(index = "0", paramLabel = "PROG.elf", description = "the program")
    Path program;

    @Option(names = "--harts", paramLabel = "N", description = "harts (default ${DEFAULT-VALUE})")
    int harts = 1;

    @Option(names = "--what", paramLabel = "ITEMS",
            description = "comma-separated: blocks, calls, traps, uart, mem=SYMBOL, mem=0xADDR+LEN "
                    + "(default ${DEFAULT-VALUE})")
    String what = "calls,traps,uart";

    @Option(names = "--format", paramLabel = "FMT", description = "ctf, chrome or html (default ${DEFAULT-VALUE})")
    String format = "chrome";

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
            description = "output file (chrome, html) or directory (ctf)")
    Path output;

    @Option(names = "--quantum", paramLabel = "Q", description = "scheduler quantum (default ${DEFAULT-VALUE})")
    int quantum = MachineConfig.DEFAULT_QUANTUM;

    @Option(names = "--max-insns", paramLabel = "N", description = "stop after N instructions (default: no limit)")
    long maxInstructions = Long.MAX_VALUE;

    @Option(names = "--budget", paramLabel = "MIB",
            description = "memory for the trace's ring buffers in MiB; older events are dropped (default ${DEFAULT-VALUE})")
    long budgetMiB = 64;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;
}
