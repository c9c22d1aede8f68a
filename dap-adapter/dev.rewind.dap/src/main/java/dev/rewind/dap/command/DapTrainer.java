package dev.rewind.dap.command;

import dev.rewind.dap.DapConnection;
import dev.rewind.debug.DebugSessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.*;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code rewind dap --train [ELF]}: one debug session as VS Code drives it (initialize, launch on 4 harts, a
 * breakpoint, continue to it, the stop's stack, scopes and variables, next, stepBack, reverseContinue, loadedSources,
 * disconnect), through a real DAP connection over in-process pipes, on the bundled demo unless an ELF is named. The
 * training run of the JVM's AOT cache ({@code -XX:AOTCacheOutput}) runs it, so the cache holds the classes and
 * profiles of those paths. It never fails the JVM: a step that goes wrong is reported on standard error.
 */
final class DapTrainer {

    private static final long STEP_SECONDS = 30;
    private static final String DEMO_BUNDLE = "dev.rewind.mcd.shell";
    private static final String DEMO_ENTRY = "demo/demo-rv32.elf";

    private final DebugSessions sessions;
    private final dev.rewind.bus.EventBus bus;
    private final PrintStream err;
    private final LinkedBlockingQueue<StoppedEventArguments> stops = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

    DapTrainer(DebugSessions sessions, dev.rewind.bus.EventBus bus, PrintStream err) {
        this.sessions = sessions;
        this.bus = bus;
        this.err = err;
    }

    int train(String elf) {
        Path program = null;
        try {
            program = elf != null ? Path.of(elf) : bundledDemo();
            session(program);
            err.println("rewind dap --train: a session on " + program.getFileName() + ", " + count.get() + " stops");
        } catch (Exception e) {
            err.println("rewind dap --train: the session stopped early: " + e);
        } finally {
            if (elf == null && program != null) {
                try {
                    Files.deleteIfExists(program);
                } catch (IOException e) {
                    err.println("rewind dap --train: cannot delete " + program + ": " + e.getMessage());
                }
            }
        }
        return DapCommand.EXIT_OK;
    }

    private Path bundledDemo() throws IOException {
        Bundle self = FrameworkUtil.getBundle(DapTrainer.class);
        for (Bundle b : self == null ? new Bundle[0] : self.getBundleContext().getBundles()) {
            java.net.URL url = DEMO_BUNDLE.equals(b.getSymbolicName()) ? b.getEntry(DEMO_ENTRY) : null;
            if (url != null) {
                Path tmp = Files.createTempFile("rewind-train-", ".elf");
                try (InputStream in = url.openStream()) {
                    Files.write(tmp, in.readAllBytes());
                }
                return tmp;
            }
        }
        throw new IOException("no bundled demo (" + DEMO_ENTRY + " of " + DEMO_BUNDLE + ") in this runtime");
    }

    private void session(Path program) throws Exception {
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedOutputStream toClient = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(toClient, 1 << 16);
        java.lang.Thread server = new java.lang.Thread(() -> {
            try {
                new DapConnection(sessions, bus, serverIn, toClient).run();
            } finally {
                closeQuietly(toClient); // the client's reader sees the end of its input
            }
        }, "rewind-dap-train");
        server.setDaemon(true);
        server.start();
        Launcher<IDebugProtocolServer> launcher = DSPLauncher.createClientLauncher(new Client(), clientIn, toServer);
        launcher.startListening();
        IDebugProtocolServer dap = launcher.getRemoteProxy();
        try {
            InitializeRequestArguments init = new InitializeRequestArguments();
            init.setAdapterID("rewind");
            init.setLinesStartAt1(true);
            init.setColumnsStartAt1(true);
            init.setSupportsInvalidatedEvent(true);
            init.setSupportsMemoryEvent(true);
            get(dap.initialize(init));
            get(dap.launch(Map.of("program", program.toString(), "harts", 4, "trace", true)));
            FunctionBreakpoint fb = new FunctionBreakpoint();
            fb.setName("hart_main");
            SetFunctionBreakpointsArguments fba = new SetFunctionBreakpointsArguments();
            fba.setBreakpoints(new FunctionBreakpoint[] {fb});
            get(dap.setFunctionBreakpoints(fba));
            get(dap.configurationDone(new ConfigurationDoneArguments()));
            int thread = inspect(dap, stopped());
            for (int i = 0; i < 2; i++) {
                NextArguments next = new NextArguments();
                next.setThreadId(thread);
                get(dap.next(next));
                thread = inspect(dap, stopped());
            }
            for (int i = 0; i < 2; i++) {
                StepBackArguments back = new StepBackArguments();
                back.setThreadId(thread);
                get(dap.stepBack(back));
                thread = inspect(dap, stopped());
            }
            ReverseContinueArguments rc = new ReverseContinueArguments();
            rc.setThreadId(thread);
            get(dap.reverseContinue(rc));
            inspect(dap, stopped());
            get(dap.loadedSources(new LoadedSourcesArguments()));
        } finally {
            DisconnectArguments bye = new DisconnectArguments();
            bye.setTerminateDebuggee(true);
            get(dap.disconnect(bye));
            toServer.close();
            server.join(TimeUnit.SECONDS.toMillis(STEP_SECONDS));
        }
    }

    /** What VS Code asks at a stop: threads, the stopping hart's frames, the top frame's scopes, Locals. */
    private int inspect(IDebugProtocolServer dap, StoppedEventArguments stop) throws Exception {
        get(dap.threads());
        int thread = stop.getThreadId() != null ? stop.getThreadId() : 1;
        StackTraceArguments st = new StackTraceArguments();
        st.setThreadId(thread);
        StackFrame[] frames = get(dap.stackTrace(st)).getStackFrames();
        if (frames.length > 0) {
            ScopesArguments sa = new ScopesArguments();
            sa.setFrameId(frames[0].getId());
            Scope[] scopes = get(dap.scopes(sa)).getScopes();
            if (scopes.length > 0) {
                VariablesArguments va = new VariablesArguments();
                va.setVariablesReference(scopes[0].getVariablesReference());
                get(dap.variables(va));
            }
        }
        return thread;
    }

    private StoppedEventArguments stopped() throws Exception {
        StoppedEventArguments stop = stops.poll(STEP_SECONDS, TimeUnit.SECONDS);
        if (stop == null) {
            throw new IllegalStateException("no stopped event within " + STEP_SECONDS + " s");
        }
        return stop;
    }

    private void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            err.println("rewind dap --train: " + e.getMessage());
        }
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(STEP_SECONDS, TimeUnit.SECONDS);
    }

    private final class Client implements IDebugProtocolClient {
        @Override
        public void stopped(StoppedEventArguments args) {
            stops.add(args);
            count.incrementAndGet();
        }

        /** Rewind's events: only taken (lsp4j would warn of each one). */
        @JsonNotification("rewind/trace")
        public void trace(Object body) {
        }

        @JsonNotification("rewind/traceCut")
        public void traceCut(Object body) {
        }

        @JsonNotification("rewind/bookmarks")
        public void bookmarks(Object body) {
        }
    }
}
