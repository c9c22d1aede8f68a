package dev.rewind.gdb.command;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.DebugSessions;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.SessionEvent;
import dev.rewind.gdb.GdbServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;

/**
 * {@code rewind gdb PROG.elf [--harts N] [--port 1234] [--quantum Q]} launches a debug session and serves it to
 * gdb; {@code rewind gdb --attach ID} serves a session that is already running (so gdb and an IDE share one
 * machine). Blocks until standard input says {@code quit}, the session ends (gdb's {@code kill}) or the process
 * is interrupted.
 */
@Component(service = GdbCommand.class, property = {
    "osgi.command.scope=rewind",
    "osgi.command.function=gdb",
    "rewind.synopsis=GDB remote stub for an ELF or a running session: every hart a thread, reverse execution",
    "rewind.help=--help"
})
public final class GdbCommand {
    static final int EXIT_OK = 0;
    static final int EXIT_BIND = 1;
    static final int EXIT_BAD_INPUT = 2;

    @Reference
    private DebugSessions sessions;

    public Object gdb(String... args) {
        return gdb(sessions, args, System.in, System.out, System.err);
    }

    static int gdb(DebugSessions sessions, String[] args, InputStream in, PrintStream out, PrintStream err) {
        GdbOptions o = new GdbOptions();
        CommandLine cli = new CommandLine(o);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("rewind gdb: " + e.getMessage());
            cli.usage(err);
            return EXIT_BAD_INPUT;
        }
        if (o.help) {
            cli.usage(out);
            return EXIT_OK;
        }
        DebugSession session;
        try {
            session = session(sessions, o);
        } catch (IllegalArgumentException e) {
            err.println("rewind gdb: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        boolean launched = o.attach == null;
        try (GdbServer server = new GdbServer(session)) {
            try {
                server.start(o.host, o.port);
            } catch (BindException e) {
                err.println("rewind gdb: cannot listen on " + o.host + ":" + o.port + ": " + e.getMessage()
                        + " (another server on that port? --port 0 picks a free one)");
                return EXIT_BIND;
            } catch (UnknownHostException e) {
                err.println("rewind gdb: unknown host " + o.host);
                return EXIT_BAD_INPUT;
            } catch (IOException | IllegalArgumentException e) {
                err.println("rewind gdb: cannot listen on " + o.host + ":" + o.port + ": " + e.getMessage());
                return EXIT_BIND;
            }
            out.println("GDB server for " + session.program() + " on " + o.host + ":" + server.port() + " ("
                    + session.harts() + " hart" + (session.harts() == 1 ? "" : "s") + ", session " + session.id()
                    + ")");
            out.println("connect: gdb-multiarch " + session.program() + " -ex 'target remote " + o.host + ":"
                    + server.port() + "'");
            out.flush();
            CountDownLatch done = new CountDownLatch(1);
            try (AutoCloseable ended = session.addListener(e -> {
                if (e instanceof SessionEvent.Ended) {
                    done.countDown(); // e.g. gdb's kill: nothing left to serve
                }
            })) {
                Thread stdin = new Thread(() -> {
                    dev.rewind.net.QuitSignal.await(in);
                    done.countDown();
                }, "rewind-gdb-stdin");
                stdin.setDaemon(true);
                stdin.start();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                err.println("rewind gdb: " + e.getMessage());
            }
        } finally {
            if (launched) {
                session.end();
            }
        }
        out.println("GDB server stopped");
        return EXIT_OK;
    }

    private static DebugSession session(DebugSessions sessions, GdbOptions o) {
        if (o.port < 0 || o.port > 65535) {
            throw new IllegalArgumentException("--port " + o.port + " is outside 0..65535");
        }
        if (o.attach != null) {
            if (o.program != null) {
                throw new IllegalArgumentException("give PROG.elf or --attach ID, not both");
            }
            return sessions.session(o.attach).orElseThrow(() -> new IllegalArgumentException("no session " + o.attach
                    + " (live sessions: " + sessions.sessions().stream().map(DebugSession::id)
                            .collect(Collectors.joining(", ")) + ")"));
        }
        if (o.program == null) {
            throw new IllegalArgumentException("give PROG.elf (or --attach ID)");
        }
        if (!Files.isRegularFile(o.program)) {
            throw new IllegalArgumentException("no such file: " + o.program);
        }
        try {
            LaunchConfig config = LaunchConfig.of(o.program.toAbsolutePath().normalize()).withHarts(o.harts)
                    .withQuantum(o.quantum);
            if (o.noHistory) {
                config = config.withSnapshotInterval(0);
            }
            return sessions.launch(config).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("cannot load " + o.program + ": " + cause.getMessage(), e);
        }
    }

}
