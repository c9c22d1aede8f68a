package dev.rewind.mcd.server.command;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.mcd.server.McdServerLauncher;
import java.nio.file.Path;
import dev.rewind.net.AccessOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options of {@code rewind mcd}. */
@Command(name = "rewind mcd", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Serves a RISC-V ELF to MCD clients: QMP-style JSON over TCP or a Unix domain socket, command for command as QEMU's "
                + "MCD series (see docs/WIRE.md of bundle dev.rewind.mcd.server).",
            "Runs until interrupted (Ctrl-C) or until 'quit' is typed on standard input."},
        footer = {"", "Exit code: 0 after quit, 2 for bad input (file, ELF, options), 1 when the port cannot be bound."})
public final class McdOptions {

    @Parameters(index = "0", paramLabel = "PROG.elf", description = "the program")
    Path program;

    @Option(names = "--port", paramLabel = "PORT",
            description = "TCP port; 0 picks a free one (default ${DEFAULT-VALUE})")
    int port = McdServerLauncher.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST",
            description = "address to listen on (default ${DEFAULT-VALUE}: loopback only)")
    String host = "127.0.0.1";

    @Option(names = "--harts", paramLabel = "N", description = "harts sharing memory, 1-16 (default ${DEFAULT-VALUE})")
    int harts = 1;

    @Option(names = "--ram", paramLabel = "SIZE", converter = RamSize.class,
            description = "RAM at 0x80000000, e.g. 64M (default 128M)")
    long ram = MachineConfig.DEFAULT_RAM;

    @Mixin
    AccessOptions access = new AccessOptions();

    @Option(names = "--quantum", paramLabel = "Q",
            description = "instructions a hart runs before the next one's turn; 1 = lockstep (default ${DEFAULT-VALUE})")
    int quantum = MachineConfig.DEFAULT_QUANTUM;

    @Option(names = "--echo-console", description = "also print the guest's UART output on standard output")
    boolean echoConsole;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;
}
