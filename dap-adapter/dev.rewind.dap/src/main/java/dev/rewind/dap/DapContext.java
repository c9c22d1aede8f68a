package dev.rewind.dap;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.DebugSessions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

/**
 * The state of one DAP connection: the debug services, the client, the session it launched or attached to, the
 * ids handed out since the last stop, its breakpoints. Handlers read and change it on the connection's worker
 * thread; the event forwarder resets the handles from the session's event thread.
 */
public final class DapContext {

    /** How long an inspection request waits for the debug session. */
    public static final long TIMEOUT_SECONDS = 60;

    private final DebugSessions sessions;
    private final Handles handles = new Handles();
    private final BreakpointBook breakpoints = new BreakpointBook();
    private volatile IDebugProtocolClient client;
    private final Inspection inspection = new Inspection();
    private final StopFrames stopFrames = new StopFrames(this);
    private volatile InitializeRequestArguments clientInfo = new InitializeRequestArguments();
    private volatile DebugSession session;
    private volatile boolean ownsSession;
    private volatile AutoCloseable listener;
    /** What the session tells this client as it ends (its plugins' reports): closed after the listener. */
    private volatile AutoCloseable lastWords;
    private volatile ProgramSymbols symbols = ProgramSymbols.none();
    private volatile LineInfo lines = LineInfo.NONE;
    private volatile Unwinder unwinder = new PcUnwinder();
    private volatile dev.rewind.dap.source.SourceProgram source;
    private volatile boolean stopOnEntry;
    private volatile boolean configurationDone;
    private volatile List<String> sourceDirectories = List.of();
    private final Map<String, Runnable> afterResponse = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean travelUnsaid = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger stopsToDrop = new java.util.concurrent.atomic.AtomicInteger();
    private volatile dev.rewind.bus.EventBus bus;
    private volatile org.eclipse.lsp4j.jsonrpc.Endpoint remote;

    public DapContext(DebugSessions sessions) {
        this.sessions = sessions;
    }

    public DebugSessions sessions() {
        return sessions;
    }

    /** The event bus (session traces), or null outside a runtime that has one. */
    public dev.rewind.bus.EventBus bus() {
        return bus;
    }

    public void bus(dev.rewind.bus.EventBus b) {
        bus = b;
    }

    /** Where custom events go (the client's side of the connection). */
    public void remote(org.eclipse.lsp4j.jsonrpc.Endpoint r) {
        remote = r;
    }

    /** Sends the custom DAP event {@code name} (e.g. {@code rewind/trace}) with {@code body}, when connected. */
    public void customEvent(String name, Object body) {
        org.eclipse.lsp4j.jsonrpc.Endpoint r = remote;
        if (r != null) {
            r.notify(name, body);
        }
    }

    public Handles handles() {
        return handles;
    }

    public BreakpointBook breakpoints() {
        return breakpoints;
    }

    public IDebugProtocolClient client() {
        return client;
    }

    public void client(IDebugProtocolClient c) {
        this.client = c;
    }

    public InitializeRequestArguments clientInfo() {
        return clientInfo;
    }

    public void clientInfo(InitializeRequestArguments info) {
        this.clientInfo = info == null ? new InitializeRequestArguments() : info;
    }

    /** The session, or an error response when there is none yet. */
    public DebugSession session() {
        DebugSession s = session;
        if (s == null) {
            throw DapErrors.wrongState("no debug session: send launch or attach first");
        }
        if (s.ended()) {
            throw DapErrors.wrongState("the debug session " + s.id() + " has ended");
        }
        return s;
    }

    /** The session, which must be stopped (inspection, stepping, time travel). */
    public DebugSession stoppedSession() {
        DebugSession s = session();
        if (s.running()) {
            throw DapErrors.wrongState("the machine is running: pause it first");
        }
        return s;
    }

    public boolean hasSession() {
        return session != null;
    }

    public DebugSession sessionOrNull() {
        return session;
    }

    /** Binds this connection to {@code s}; {@code owned} when this connection launched it. */
    public void bind(DebugSession s, boolean owned, AutoCloseable listenerHandle) {
        this.session = s;
        this.ownsSession = owned;
        this.listener = listenerHandle;
        try {
            // the session's symbols, loaded once and shared by its front ends
            java.util.Optional<dev.rewind.symbols.Symbols> shared = s.symbols();
            if (shared.isEmpty()) {
                System.err.println("rewind dap: no symbols for " + s.program() + ": " + s.symbolProblems());
                return;
            }
            dev.rewind.symbols.Symbols syms = shared.get();
            this.symbols = new ProgramSymbols(syms);
            this.source = new dev.rewind.dap.source.SourceProgram(syms);
            this.unwinder = source;
            if (syms.hasLines()) {
                this.lines = source;
            }
        } catch (RuntimeException e) {
            System.err.println("rewind dap: no symbols from " + s.program() + ": " + e.getMessage());
        }
    }

    /** The program's DWARF (lines, frames, variables), or null when it has none. */
    public dev.rewind.dap.source.SourceProgram source() {
        return source;
    }

    /** The program's .debug_info, or null. */
    public dev.rewind.symbols.info.DebugInfo sourceInfo() {
        dev.rewind.dap.source.SourceProgram p = source;
        return p == null ? null : p.symbols().debugInfo();
    }

    public boolean ownsSession() {
        return ownsSession;
    }

    /** {@code handle} (the session's plugin reports) stays open until the session is ended by this connection. */
    public void lastWords(AutoCloseable handle) {
        this.lastWords = handle;
    }

    /** Stops listening to the session (it may live on for other front ends). */
    public void unbind() {
        close(listener);
        listener = null;
        close(lastWords);
        lastWords = null;
    }

    /** Stops listening to the session and ends it; its last words (plugin reports) reach the client first. */
    public java.util.concurrent.CompletableFuture<Void> unbindEnding(DebugSession s) {
        close(listener);
        listener = null;
        // the reports' subscription closes once the session has ended, whichever thread ends it
        return s.end().whenComplete((v, e) -> unbind());
    }

    private static void close(AutoCloseable l) {
        if (l != null) {
            try {
                l.close();
            } catch (Exception e) {
                System.err.println("rewind dap: removing a session listener failed: " + e);
            }
        }
    }

    /** Whether the bound session keeps history (time travel possible). */
    public boolean sessionHistory() {
        DebugSession s = session;
        return s != null && s.config().history();
    }

    /**
     * A composite operation (a line step back, a goto) is several session operations; the stop of the one that
     * just completed is not the client's stop. Call while that operation's future completes (before its event).
     */
    public void dropNextStop() {
        stopsToDrop.incrementAndGet();
    }

    /** Time travel ended in a stop: the client gets {@code invalidated} after its frames (StopEvents). */
    public void unsaidTravel() {
        if (Boolean.TRUE.equals(clientInfo.getSupportsInvalidatedEvent())) {
            travelUnsaid.set(true);
        }
    }

    /** Whether a time travel's {@code invalidated} is still to be sent (and forget it). */
    public boolean takeUnsaidTravel() {
        return travelUnsaid.getAndSet(false);
    }

    /** Whether a composite operation is under way (its session events are not the client's). */
    public boolean dropsPending() {
        return stopsToDrop.get() > 0;
    }

    /** A composite operation failed: the stops it meant to drop will not come. */
    public void clearDroppedStops() {
        stopsToDrop.set(0);
    }

    /** Whether the next stop event is an intermediate one (and forget it). */
    public boolean takeDroppedStop() {
        return stopsToDrop.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** Runs {@code action} right after the response to the next {@code command} request has been written. */
    public void afterResponse(String command, Runnable action) {
        afterResponse.put(command, action);
    }

    /** The action waiting for the response to {@code command}, removed; or null. */
    public Runnable takeAfterResponse(String command) {
        return afterResponse.remove(command);
    }

    public LineInfo lines() {
        return lines;
    }

    public Unwinder unwinder() {
        return unwinder;
    }

    public ProgramSymbols symbols() {
        return symbols;
    }

    /** The hart of a DAP thread id (thread id = hart + 1), checked against the session's harts. */
    public int hart(Integer threadId) {
        if (threadId == null) {
            throw DapErrors.badRequest("threadId is missing");
        }
        int harts = session().harts();
        if (threadId < 1 || threadId > harts) {
            throw DapErrors.badRequest("unknown thread " + threadId + ": the threads are 1.." + harts
                    + " (hart 0.." + (harts - 1) + ")");
        }
        return threadId - 1;
    }

    public static int threadId(int hart) {
        return hart + 1;
    }

    /** A frame handed out since the last stop. */
    public Frame frame(Integer frameId) {
        Frame f = frameId == null ? null : handles.get(frameId, Frame.class);
        if (f == null) {
            throw DapErrors.badRequest("unknown frame id " + frameId + " (frame ids are valid until the machine moves)");
        }
        return f;
    }

    /** Reads of one request in one executor hop (stackTrace, variables): see {@link Inspection}. */
    public <T> T inspecting(int hart, java.util.function.Supplier<T> work) {
        return await(inspection.run(session(), hart, work));
    }

    /** The frames handed out at this stop. */
    public StopFrames stopFrames() {
        return stopFrames;
    }

    public Inspection inspection() {
        return inspection;
    }

    /** Waits for a session future (never on the session's own thread), with a bound. */
    public <T> T await(CompletableFuture<T> future) {
        if (inspection.insideRun()) {
            throw DapErrors.error(DapErrors.FAILED, "internal: a session request inside an inspection");
        }
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DapErrors.error(DapErrors.FAILED, "interrupted while waiting for the debug session");
        } catch (ExecutionException e) {
            throw DapErrors.toResponseError(null, e.getCause());
        } catch (TimeoutException e) {
            throw DapErrors.error(DapErrors.FAILED, "the debug session did not answer within " + TIMEOUT_SECONDS + " s");
        }
    }

    public boolean stopOnEntry() {
        return stopOnEntry;
    }

    public void stopOnEntry(boolean v) {
        stopOnEntry = v;
    }

    public boolean configurationDone() {
        return configurationDone;
    }

    public void configurationDone(boolean v) {
        configurationDone = v;
    }

    public List<String> sourceDirectories() {
        return sourceDirectories;
    }

    public void sourceDirectories(List<String> dirs) {
        sourceDirectories = List.copyOf(dirs);
    }
}
