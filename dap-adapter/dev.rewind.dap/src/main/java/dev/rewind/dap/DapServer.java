package dev.rewind.dap;

import dev.rewind.dap.handlers.*;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.*;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/**
 * The dispatcher: each DAP request to its handler, scheduled by {@link Dispatch} (the connection's worker thread in
 * arrival order, reads at once while nothing moves; failures become error responses). Inspection handlers answer at
 * once; run-control handlers hand back the session's future, so the worker is free for {@code pause} while the
 * machine moves.
 */
public final class DapServer implements IDebugProtocolServer, RewindProtocol {

    private final DapContext c;
    private final Dispatch d;
    private final Stepping stepping;
    private final EvaluateHandler evaluate;
    private final TimeHandler time;
    private final BookmarkHandler bookmarks;
    private final SessionsHandler sessions;

    public DapServer(DapContext context, DapWorker worker) {
        this.c = context;
        this.d = new Dispatch(context, worker);
        this.stepping = new Stepping(context);
        this.evaluate = new EvaluateHandler(context);
        this.time = new TimeHandler(context);
        this.bookmarks = new BookmarkHandler(context);
        this.sessions = new SessionsHandler(context);
    }

    @Override
    public CompletableFuture<Capabilities> initialize(InitializeRequestArguments a) {
        return d.sync("initialize", () -> new InitializeHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> launch(Map<String, Object> a) {
        return d.sync("launch", () -> new LaunchHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> attach(Map<String, Object> a) {
        return d.sync("attach", () -> new AttachHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> configurationDone(ConfigurationDoneArguments a) {
        return d.async("configurationDone", () -> new ConfigurationDoneHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<ThreadsResponse> threads() {
        // the harts of the session, fixed at its launch: answered at once, even while the worker waits for the machine
        // (a client asks for them first after every stop); before the launch, in order with the other requests
        if (!c.hasSession()) {
            return d.sync("threads", () -> new ThreadsHandler(c).handle());
        }
        return d.now("threads", () -> CompletableFuture.completedFuture(new ThreadsHandler(c).handle()));
    }

    @Override
    public CompletableFuture<LoadedSourcesResponse> loadedSources(LoadedSourcesArguments a) {
        return d.sync("loadedSources", () -> new LoadedSourcesHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<StackTraceResponse> stackTrace(StackTraceArguments a) {
        return d.sync("stackTrace", () -> new StackTraceHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<ScopesResponse> scopes(ScopesArguments a) {
        return d.sync("scopes", () -> new ScopesHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<VariablesResponse> variables(VariablesArguments a) {
        return d.sync("variables", () -> new VariablesHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetVariableResponse> setVariable(SetVariableArguments a) {
        return d.sync("setVariable", () -> new SetVariableHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetExpressionResponse> setExpression(SetExpressionArguments a) {
        return d.sync("setExpression", () -> new SetExpressionHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<ContinueResponse> continue_(ContinueArguments a) {
        return d.async("continue", () -> new ContinueHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> pause(PauseArguments a) {
        // not through the worker: a pause must get through while a long step holds the session
        return d.now("pause", () -> new PauseHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> next(NextArguments a) {
        return d.async("next", () -> new NextHandler(c, stepping).handle(a));
    }

    @Override
    public CompletableFuture<Void> stepIn(StepInArguments a) {
        return d.async("stepIn", () -> new StepInHandler(c, stepping).handle(a));
    }

    @Override
    public CompletableFuture<Void> stepOut(StepOutArguments a) {
        return d.async("stepOut", () -> new StepOutHandler(c, stepping).handle(a));
    }

    @Override
    public CompletableFuture<Void> stepBack(StepBackArguments a) {
        return d.async("stepBack", () -> new StepBackHandler(c, stepping).handle(a));
    }

    @Override
    public CompletableFuture<Void> reverseContinue(ReverseContinueArguments a) {
        return d.async("reverseContinue", () -> new ReverseContinueHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetBreakpointsResponse> setBreakpoints(SetBreakpointsArguments a) {
        return d.sync("setBreakpoints", () -> new SetBreakpointsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetFunctionBreakpointsResponse> setFunctionBreakpoints(SetFunctionBreakpointsArguments a) {
        return d.sync("setFunctionBreakpoints", () -> new SetFunctionBreakpointsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetInstructionBreakpointsResponse> setInstructionBreakpoints(
            SetInstructionBreakpointsArguments a) {
        return d.sync("setInstructionBreakpoints", () -> new SetInstructionBreakpointsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<DataBreakpointInfoResponse> dataBreakpointInfo(DataBreakpointInfoArguments a) {
        return d.sync("dataBreakpointInfo", () -> new DataBreakpointInfoHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetDataBreakpointsResponse> setDataBreakpoints(SetDataBreakpointsArguments a) {
        return d.sync("setDataBreakpoints", () -> new SetDataBreakpointsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<SetExceptionBreakpointsResponse> setExceptionBreakpoints(SetExceptionBreakpointsArguments a) {
        return d.sync("setExceptionBreakpoints", () -> new SetExceptionBreakpointsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<ExceptionInfoResponse> exceptionInfo(ExceptionInfoArguments a) {
        return d.sync("exceptionInfo", () -> new ExceptionInfoHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<ReadMemoryResponse> readMemory(ReadMemoryArguments a) {
        return d.sync("readMemory", () -> new ReadMemoryHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<WriteMemoryResponse> writeMemory(WriteMemoryArguments a) {
        return d.sync("writeMemory", () -> new WriteMemoryHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<DisassembleResponse> disassemble(DisassembleArguments a) {
        return d.sync("disassemble", () -> new DisassembleHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<EvaluateResponse> evaluate(EvaluateArguments a) {
        // watch and hover read (C expressions have no assignment); the console's commands may move or write
        return d.sync("evaluate", !"repl".equals(a.getContext()), () -> evaluate.handle(a));
    }

    @Override
    public CompletableFuture<GotoTargetsResponse> gotoTargets(GotoTargetsArguments a) {
        return d.sync("gotoTargets", () -> new GotoTargetsHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> goto_(GotoArguments a) {
        return d.async("goto", () -> new GotoHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> terminate(TerminateArguments a) {
        return d.async("terminate", () -> new TerminateHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<Void> disconnect(DisconnectArguments a) {
        return d.async("disconnect", () -> new DisconnectHandler(c).handle(a));
    }

    @Override
    public CompletableFuture<TimeResult> rewindTime(Arguments a) {
        return d.sync("rewind/time", () -> time.time(a));
    }

    @Override
    public CompletableFuture<TimeResult> rewindGoToTime(Arguments a) {
        return d.sync("rewind/goToTime", () -> time.goToTime(a));
    }

    @Override
    public CompletableFuture<BookmarksResult> rewindBookmarks(Arguments a) {
        return d.sync("rewind/bookmarks", () -> bookmarks.list(a));
    }

    @Override
    public CompletableFuture<BookmarkResult> rewindAddBookmark(Arguments a) {
        return d.sync("rewind/addBookmark", () -> bookmarks.add(a));
    }

    @Override
    public CompletableFuture<TimeResult> rewindGoToBookmark(Arguments a) {
        return d.sync("rewind/goToBookmark", () -> bookmarks.goTo(a));
    }

    @Override
    public CompletableFuture<BookmarksResult> rewindRenameBookmark(Arguments a) {
        return d.sync("rewind/renameBookmark", () -> bookmarks.rename(a));
    }

    @Override
    public CompletableFuture<BookmarksResult> rewindDeleteBookmark(Arguments a) {
        return d.sync("rewind/deleteBookmark", () -> bookmarks.delete(a));
    }

    @Override
    public CompletableFuture<RecordingResult> rewindSaveRecording(Arguments a) {
        return d.sync("rewind/saveRecording", () -> sessions.save(a));
    }

    @Override
    public CompletableFuture<SessionsResult> rewindSessions(Arguments a) {
        return d.sync("rewind/sessions", () -> sessions.sessions(a));
    }

}
