package dev.rewind.dap.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Options of {@code rewind dap}. */
@Command(name = "rewind dap", description = "Debug Adapter Protocol server: stdio, or TCP on 127.0.0.1 with --port")
final class DapOptions {

    @Option(names = "--port", description = "serve DAP on TCP 127.0.0.1:PORT (0 picks a free port, printed on stderr)")
    Integer port;

    @Option(names = "--train", arity = "0..1", fallbackValue = "", paramLabel = "ELF",
            description = "run one debug session in-process (initialize, launch, a breakpoint, next, stepBack, "
                    + "reverseContinue, stack and variables, disconnect) on ELF or the bundled demo, then exit: the "
                    + "training run of the JVM's AOT cache")
    String train;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;
}
