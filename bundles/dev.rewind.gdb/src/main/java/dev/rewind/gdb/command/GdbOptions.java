package dev.rewind.gdb.command;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options of {@code rewind gdb}. */
@Command(name = "rewind gdb", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Serves a RISC-V ELF (or a running debug session) to gdb over the remote serial protocol: "
                + "every hart is a thread, reverse execution and bookmarks included.",
            "Connect with: gdb-multiarch PROG.elf -ex 'target remote 127.0.0.1:PORT'.",
            "Runs until interrupted (Ctrl-C) or until 'quit' is typed on standard input."},
        footer = {"", "Exit code: 0 after quit, 2 for bad input (file, ELF, options, session), 1 when the port "
                + "cannot be bound."})
public final class GdbOptions {
    static final int DEFAULT_PORT = 1234;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROG.elf", description = "the program (not with --attach)")
    Path program;

    @Option(names = "--attach", paramLabel = "ID",
            description = "serve the running debug session ID (e.g. one a DAP client started) instead of a new one")
    String attach;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port; 0 picks a free one (default ${DEFAULT-VALUE})")
    int port = DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST",
            description = "address to listen on (default ${DEFAULT-VALUE}: loopback only)")
    String host = "127.0.0.1";

    @Option(names = "--harts", paramLabel = "N", description = "harts sharing memory (default ${DEFAULT-VALUE})")
    int harts = 1;

    @Option(names = "--quantum", paramLabel = "Q",
            description = "instructions a hart runs before the next one's turn; 1 = lockstep (default: the engine's)")
    int quantum;

    @Option(names = "--no-history", description = "no time travel (reverse execution is refused)")
    boolean noHistory;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;
}
