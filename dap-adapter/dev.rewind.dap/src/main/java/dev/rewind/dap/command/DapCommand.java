package dev.rewind.dap.command;

import dev.rewind.dap.DapConnection;
import dev.rewind.dap.DapTcpServer;
import dev.rewind.debug.DebugSessions;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;

/**
 * {@code rewind dap}: one DAP client on standard input/output (nothing else may write to standard output then:
 * {@code System.out} goes to standard error while it serves), or {@code rewind dap --port N}: clients on TCP
 * 127.0.0.1:N until standard input says {@code quit} or the process is stopped.
 */
@Component(service = DapCommand.class, property = {"osgi.command.scope=rewind", "osgi.command.function=dap",
    "rewind.synopsis=Debug Adapter Protocol server (stdio, or TCP with --port) for VS Code and other DAP clients",
    "rewind.help=--help"})
public final class DapCommand {

    static final int EXIT_OK = 0;
    static final int EXIT_BIND = 1;
    static final int EXIT_USAGE = 2;

    private final DebugSessions sessions;
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile dev.rewind.bus.EventBus bus;

    @Activate
    public DapCommand(@Reference DebugSessions sessions) {
        this.sessions = sessions;
    }

    public Object dap(String... args) {
        EarlyStdin early = EarlyStdin.parse(args);
        if (early != null) {
            return stdio(early); // the launcher's form (or no options): no option parser to load
        }
        DapOptions options = new DapOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("rewind dap: " + e.getMessage());
            cli.usage(System.err);
            return EXIT_USAGE;
        }
        if (options.help) {
            cli.usage(System.err);
            return EXIT_OK;
        }
        if (options.train != null) {
            return new DapTrainer(sessions, bus, System.err).train(options.train.isEmpty() ? null : options.train);
        }
        if (options.port == null) {
            return stdio(new EarlyStdin(new byte[0], false));
        }
        if (options.port < 0 || options.port > 65535) {
            System.err.println("rewind dap: --port " + options.port + " is outside 0..65535");
            return EXIT_USAGE;
        }
        return tcp(options.port, System.in);
    }

    private int stdio(EarlyStdin early) {
        PrintStream saved = System.out;
        InputStream in = early.input(new FileInputStream(FileDescriptor.in));
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        System.setOut(System.err);
        try {
            new DapConnection(sessions, bus, in, out, early.initializeAnswered()).run();
        } finally {
            System.setOut(saved);
        }
        return EXIT_OK;
    }

    int tcp(int port, InputStream in) {
        try (DapTcpServer server = new DapTcpServer(sessions, bus, port)) {
            server.start();
            System.err.println("rewind dap: listening on 127.0.0.1:" + server.port());
            System.err.flush();
            dev.rewind.net.QuitSignal.await(in);
        } catch (IOException e) {
            System.err.println("rewind dap: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
                    + " (another server on that port? --port 0 picks a free one)");
            return EXIT_BIND;
        }
        return EXIT_OK;
    }

}
