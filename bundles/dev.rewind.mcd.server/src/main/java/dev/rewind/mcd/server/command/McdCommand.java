package dev.rewind.mcd.server.command;

import dev.rewind.mcd.api.McdException;
import dev.rewind.emulator.elf.ElfFormatException;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.server.McdWireServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.osgi.service.component.annotations.Component;
import picocli.CommandLine;

/**
 * {@code rewind mcd PROG.elf [--port 1235] [--host 127.0.0.1] [--unix-socket PATH] [--token-file F] [--harts N]
 * [--ram SIZE] [--quantum Q]}: loads the program,
 * serves its MCD API on the QMP wire and blocks until the process is interrupted or standard input says
 * {@code quit}. At end of input (e.g. started in the background) it keeps serving.
 */
@Component(service = McdCommand.class, property = {
    "osgi.command.scope=rewind",
    "osgi.command.function=mcd",
    "rewind.synopsis=serves an ELF to MCD clients (QMP wire, TCP or Unix socket)",
    "rewind.help=--help"
})
public final class McdCommand {
    static final int EXIT_OK = 0;
    static final int EXIT_BIND = 1;
    static final int EXIT_BAD_INPUT = 2;

    @org.osgi.service.component.annotations.Reference
    private dev.rewind.debug.DebugSessions sessions;

    public Object mcd(String... args) {
        return mcd(sessions, args, System.in, System.out, System.err);
    }

    /** Serves the program as a session of {@code sessions} (shared with the DAP and GDB front ends). */
    static int mcd(dev.rewind.debug.DebugSessions sessions, String[] args, InputStream in, PrintStream out,
            PrintStream err) {
        McdOptions options = new McdOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("rewind mcd: " + e.getMessage());
            cli.usage(err);
            return EXIT_BAD_INPUT;
        }
        if (options.help) {
            cli.usage(out);
            return EXIT_OK;
        }
        McdWireServer server;
        try {
            server = start(sessions, options, out);
        } catch (BadInput e) {
            err.println("rewind mcd: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (BindException e) {
            err.println("rewind mcd: cannot listen on " + where(options) + ": " + e.getMessage()
                    + " (another server on that port? --port 0 picks a free one)");
            return EXIT_BIND;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            err.println("rewind mcd: cannot listen on " + where(options) + ": " + e.getReason());
            return EXIT_BIND;
        } catch (IOException e) {
            err.println("rewind mcd: cannot listen on " + where(options) + ": " + e.getMessage());
            return EXIT_BIND;
        }
        out.println("MCD server for " + options.program + " on " + server.address() + " ("
                + options.harts + " hart" + (options.harts == 1 ? "" : "s") + ", " + (options.ram >> 20) + " MiB RAM"
                + (tokenRequired(options) ? ", token required" : "") + ")");
        out.flush();
        Thread hook = new Thread(server::stop, "rewind-mcd-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            dev.rewind.net.QuitSignal.await(in);
        } finally {
            server.stop();
            removeHook(hook);
        }
        out.println("MCD server stopped");
        return EXIT_OK;
    }

    private static String where(McdOptions o) {
        return o.access.unixSocket() != null ? "unix:" + o.access.unixSocket() : o.host + ":" + o.port;
    }

    private static boolean tokenRequired(McdOptions o) {
        try {
            return o.access.token().required();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Something wrong with what the user gave: exit code 2. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    static McdWireServer start(dev.rewind.debug.DebugSessions sessions, McdOptions o, PrintStream out)
            throws BadInput, IOException {
        if (o.port < 0 || o.port > 65535) {
            throw new BadInput("--port " + o.port + " is outside 0..65535");
        }
        dev.rewind.net.AccessToken token;
        try {
            token = o.access.token();
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        ElfImage image;
        try {
            image = ElfLoader.parse(Files.readAllBytes(o.program));
        } catch (NoSuchFileException e) {
            throw new BadInput("no such file: " + o.program);
        } catch (ElfFormatException e) {
            throw new BadInput(o.program + " is not a usable RISC-V ELF: " + e.getMessage());
        }
        java.util.concurrent.CompletableFuture<dev.rewind.debug.DebugSession> launched;
        McdApi api;
        try {
            launched = sessions.launch(dev.rewind.debug.LaunchConfig.of(o.program).withHarts(o.harts)
                    .withRamSize(o.ram).withQuantum(o.quantum));
            api = dev.rewind.mcd.server.SessionOpener.mcd(launched, "load " + o.program);
        } catch (IllegalArgumentException | McdException e) {
            throw new BadInput("cannot load " + o.program + ": " + e.getMessage());
        }
        if (o.echoConsole) {
            launched.join().adapt(dev.rewind.debug.RawConsole.class).ifPresent(c -> c.tap(b -> {
                out.write(b);
                if (b == '\n') {
                    out.flush();
                }
            }));
        }
        McdWireServer server = new McdWireServer(api, dev.rewind.mcd.server.SessionOpener.of(sessions));
        try {
            server.start(o.access.endpoint(o.host, o.port), token);
        } catch (UnknownHostException e) {
            throw new BadInput("unknown host " + o.host);
        }
        return server;
    }


    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook stops the server itself
            Thread.currentThread().interrupt();
        }
    }
}
