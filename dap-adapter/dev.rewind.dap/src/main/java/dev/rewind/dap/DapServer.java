package dev.rewind.dap;

import dev.rewind.dap.handlers.*;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.lsp4j.debug.*;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/**
 * The dispatcher: each DAP request goes to its handler on the connection's worker thread, in arrival order;
 * failures become error responses. Inspection handlers answer at once; run-control handlers hand back the
 * session's future, so the worker is free for {@code pause} while the machine moves.
 */
public final class DapServer implements IDebugProtocolServer, RewindProtocol {

    /** Requests that change nothing the answers kept about a stop show ({@link Handles#answer}). */
    private static final java.util.Set<String> READS = java.util.Set.of("threads", "stackTrace", "scopes", "variables",
            "source", "readMemory", "disassemble", "exceptionInfo", "dataBreakpointInfo", "gotoTargets", "rewind/time",
            "rewind/bookmarks", "rewind/sessions", "rewind/sources");

    /**
     * Reads answered on the reader's thread ({@link DapWorker#runOrQueue}) when the worker is idle and no request of
     * this client is moving the machine ({@code moving}): they refuse a running machine at once, so they never hold the
     * reader, and a {@code pause}, while it runs. (Another front end may start it meanwhile: then they wait for it.)
     */
    private static final java.util.Set<String> AT_ONCE = java.util.Set.of("threads", "stackTrace", "scopes", "variables",
            "evaluate");

    private final java.util.concurrent.atomic.AtomicInteger moving = new java.util.concurrent.atomic.AtomicInteger();
    private final DapContext c;
    private final DapWorker worker;
    private final Stepping stepping;
    private final EvaluateHandler evaluate;
    private final TimeHandler time;
    private final BookmarkHandler bookmarks;
    private final SessionsHandler sessions;

    public DapServer(DapContext context, DapWorker worker) {
        this.c = context;
        this.worker = worker;
        this.stepping = new Stepping(context);
        this.evaluate = new EvaluateHandler(context);
        this.time = new TimeHandler(context);
        this.bookmarks = new BookmarkHandler(context);
        this.sessions = new SessionsHandler(context);
    }

    private <R> CompletableFuture<R> sync(String command, Supplier<R> body) {
        return sync(command, READS.contains(command), body);
    }

    private <R> CompletableFuture<R> sync(String command, boolean reads, Supplier<R> body) {
        return async(command, reads, () -> CompletableFuture.completedFuture(body.get()));
    }

    private <R> CompletableFuture<R> async(String command, Supplier<CompletableFuture<R>> body) {
        return async(command, READS.contains(command), body);
    }

    /** {@code reads}: changes nothing the answers kept about a stop show. */
    private <R> CompletableFuture<R> async(String command, boolean reads, Supplier<CompletableFuture<R>> body) {
        dev.rewind.debug.DebugSession s = c.sessionOrNull();
        boolean atOnce = reads && AT_ONCE.contains(command) && moving.get() == 0 && (s == null || !s.running());
        Executor on = atOnce ? worker::runOrQueue : worker::queue;
        if (!reads) {
            moving.incrementAndGet();
        }
        return CompletableFuture.supplyAsync(() -> {
            if (!reads) {
                c.handles().forgetAnswers(); // it may write or move: the answers about this stop are asked again
            }
            return body.get();
        }, on).thenCompose(f -> f).whenComplete((r, e) -> {
            if (!reads) {
                moving.decrementAndGet();
            }
        }).handle((r, e) -> {
            if (e != null) {
                throw DapErrors.toResponseError(command, e);
            }
            return r;
        });
    }

    @Override
    public CompletableFuture<Capabilities> initialize(InitializeRequestArguments a) {
        return sync("initialize", () -> new InitializeHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> launch(Map<String, Object> a) {
        return sync("launch", () -> new LaunchHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> attach(Map<String, Object> a) {
        return sync("attach", () -> new AttachHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> configurationDone(ConfigurationDoneArguments a) {
        return async("configurationDone", () -> new ConfigurationDoneHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<ThreadsResponse> threads() {
        // the harts of the session, fixed at its launch: answered at once, even while the worker waits for the machine
        // (a client asks for them first after every stop); before the launch, in order with the other requests
        if (!c.hasSession()) {
            return sync("threads", () -> new ThreadsHandler(c).handle());
        }
        try {
            return CompletableFuture.completedFuture(new ThreadsHandler(c).handle());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(DapErrors.toResponseError("threads", e));
        }
    }

    @Override
    public CompletableFuture<StackTraceResponse> stackTrace(StackTraceArguments a) {
        return sync("stackTrace", () -> new StackTraceHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<ScopesResponse> scopes(ScopesArguments a) {
        return sync("scopes", () -> new ScopesHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<VariablesResponse> variables(VariablesArguments a) {
        return sync("variables", () -> new VariablesHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetVariableResponse> setVariable(SetVariableArguments a) {
        return sync("setVariable", () -> new SetVariableHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetExpressionResponse> setExpression(SetExpressionArguments a) {
        return sync("setExpression", () -> new SetExpressionHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<ContinueResponse> continue_(ContinueArguments a) {
        return async("continue", () -> new ContinueHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> pause(PauseArguments a) {
        // not through the worker: a pause must get through while a long step holds the session
        try {
            return new PauseHandler(c).handle(a).handle((r, e) -> {
                if (e != null) {
                    throw DapErrors.toResponseError("pause", e);
                }
                return r;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(DapErrors.toResponseError("pause", e));
        }
    }

    @Override
    public CompletableFuture<Void> next(NextArguments a) {
        return async("next", () -> new NextHandler(c, stepping).handle(a));
    }

    @Override
    public CompletableFuture<Void> stepIn(StepInArguments a) {
        return async("stepIn", () -> new StepInHandler(c, stepping).handle(a));
    }

    @Override
    public CompletableFuture<Void> stepOut(StepOutArguments a) {
        return async("stepOut", () -> new StepOutHandler(c, stepping).handle(a));
    }

    @Override
    public CompletableFuture<Void> stepBack(StepBackArguments a) {
        return async("stepBack", () -> new StepBackHandler(c, stepping).handle(a));
    }

    @Override
    public CompletableFuture<Void> reverseContinue(ReverseContinueArguments a) {
        return async("reverseContinue", () -> new ReverseContinueHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetBreakpointsResponse> setBreakpoints(SetBreakpointsArguments a) {
        return sync("setBreakpoints", () -> new SetBreakpointsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetFunctionBreakpointsResponse> setFunctionBreakpoints(SetFunctionBreakpointsArguments a) {
        return sync("setFunctionBreakpoints", () -> new SetFunctionBreakpointsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetInstructionBreakpointsResponse> setInstructionBreakpoints(
            SetInstructionBreakpointsArguments a) {
        return sync("setInstructionBreakpoints", () -> new SetInstructionBreakpointsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<DataBreakpointInfoResponse> dataBreakpointInfo(DataBreakpointInfoArguments a) {
        return sync("dataBreakpointInfo", () -> new DataBreakpointInfoHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetDataBreakpointsResponse> setDataBreakpoints(SetDataBreakpointsArguments a) {
        return sync("setDataBreakpoints", () -> new SetDataBreakpointsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetExceptionBreakpointsResponse> setExceptionBreakpoints(SetExceptionBreakpointsArguments a) {
        return sync("setExceptionBreakpoints", () -> new SetExceptionBreakpointsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<ExceptionInfoResponse> exceptionInfo(ExceptionInfoArguments a) {
        return sync("exceptionInfo", () -> new ExceptionInfoHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<ReadMemoryResponse> readMemory(ReadMemoryArguments a) {
        return sync("readMemory", () -> new ReadMemoryHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<WriteMemoryResponse> writeMemory(WriteMemoryArguments a) {
        return sync("writeMemory", () -> new WriteMemoryHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<DisassembleResponse> disassemble(DisassembleArguments a) {
        return sync("disassemble", () -> new DisassembleHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<EvaluateResponse> evaluate(EvaluateArguments a) {
        // watch and hover read (C expressions have no assignment); the console's commands may move or write
        return sync("evaluate", !"repl".equals(a.getContext()), () -> evaluate.handle(a));
    }

    @Override
    public CompletableFuture<GotoTargetsResponse> gotoTargets(GotoTargetsArguments a) {
        return sync("gotoTargets", () -> new GotoTargetsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> goto_(GotoArguments a) {
        return async("goto", () -> new GotoHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> terminate(TerminateArguments a) {
        return async("terminate", () -> new TerminateHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> disconnect(DisconnectArguments a) {
        return async("disconnect", () -> new DisconnectHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<TimeResult> rewindTime(Arguments a) {
        return sync("rewind/time", () -> time.time(a));
    }

    @Override
    public CompletableFuture<TimeResult> rewindGoToTime(Arguments a) {
        return sync("rewind/goToTime", () -> time.goToTime(a));
    }

    @Override
    public CompletableFuture<BookmarksResult> rewindBookmarks(Arguments a) {
        return sync("rewind/bookmarks", () -> bookmarks.list(a));
    }

    @Override
    public CompletableFuture<BookmarkResult> rewindAddBookmark(Arguments a) {
        return sync("rewind/addBookmark", () -> bookmarks.add(a));
    }

    @Override
    public CompletableFuture<TimeResult> rewindGoToBookmark(Arguments a) {
        return sync("rewind/goToBookmark", () -> bookmarks.goTo(a));
    }

    @Override
    public CompletableFuture<BookmarksResult> rewindRenameBookmark(Arguments a) {
        return sync("rewind/renameBookmark", () -> bookmarks.rename(a));
    }

    @Override
    public CompletableFuture<BookmarksResult> rewindDeleteBookmark(Arguments a) {
        return sync("rewind/deleteBookmark", () -> bookmarks.delete(a));
    }

    @Override
    public CompletableFuture<RecordingResult> rewindSaveRecording(Arguments a) {
        return sync("rewind/saveRecording", () -> sessions.save(a));
    }

    @Override
    public CompletableFuture<SessionsResult> rewindSessions(Arguments a) {
        return sync("rewind/sessions", () -> sessions.sessions(a));
    }

    @Override
    public CompletableFuture<SourcesResult> rewindSources(Arguments a) {
        return sync("rewind/sources", () -> new SourcesHandler(c).sources(a));
    }
}
