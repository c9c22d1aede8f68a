package dev.rewind.eclipse.core.model;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.Stop;
import dev.rewind.eclipse.core.Futures;
import dev.rewind.eclipse.core.RewindDebug;
import dev.rewind.symbols.Symbols;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IMemoryBlockRetrieval;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;

/**
 * One debug session as an Eclipse debug target: a thread per hart, all-stop run control ({@link RunState}),
 * breakpoints kept in step with the breakpoint manager, memory blocks. Session events arrive on the session's
 * listener thread and become debug events; nothing here blocks except the model queries the platform makes off the
 * UI thread.
 */
public final class RewindDebugTarget extends RewindDebugElement implements IDebugTarget, IMemoryBlockRetrieval {

    private final ILaunch launch;
    private final DebugSession session;
    private final List<Path> sourceDirectories;
    private final RewindThread[] threads;
    private final Stepper stepper = new Stepper(this);
    private final BreakpointSync breakpoints;
    private final RunState state;
    private final AutoCloseable listener;
    private volatile FrameInspector inspector;

    public RewindDebugTarget(ILaunch launch, DebugSession session, List<Path> sourceDirectories) {
        super(null);
        this.launch = launch;
        this.session = session;
        this.sourceDirectories = List.copyOf(sourceDirectories);
        this.threads = new RewindThread[session.harts()];
        for (int h = 0; h < threads.length; h++) {
            threads[h] = new RewindThread(this, h);
        }
        this.state = new RunState(this, threads, session.lastStop());
        this.breakpoints = new BreakpointSync(this);
        this.listener = session.addListener(this::onSessionEvent);
    }

    /** Starts following the breakpoint manager and tells the UI the target exists. */
    public void start() {
        breakpoints.start();
        fireCreationEvent();
        for (RewindThread t : threads) {
            t.fireCreationEvent();
        }
        state.stopped(session.lastStop());
    }

    @Override
    public IDebugTarget getDebugTarget() {
        return this;
    }

    public DebugSession session() {
        return session;
    }

    public List<Path> sourceDirectories() {
        return sourceDirectories;
    }

    public Stepper stepper() {
        return stepper;
    }

    public BreakpointSync breakpointSync() {
        return breakpoints;
    }

    public Stop lastStop() {
        return state.lastStop();
    }

    public RewindThread thread(int hart) {
        return threads[hart];
    }

    public Optional<Symbols> symbolsIfAny() {
        return session.symbols();
    }

    public Symbols symbols() throws DebugException {
        return session.symbols().orElseThrow(() -> Futures.error("no symbols for " + session.program() + ": "
                + String.join("; ", session.symbolProblems()), null));
    }

    FrameInspector inspector() throws DebugException {
        FrameInspector fi = inspector;
        if (fi == null) {
            fi = new FrameInspector(symbols());
            inspector = fi;
        }
        return fi;
    }

    /** Whether the session keeps a history (step back, reverse resume, bookmarks). */
    public boolean canReverse() {
        return session.config().history() && state.idle();
    }

    /** Whether a request of this target is in flight (a step or a reverse search). */
    public boolean busy() {
        return state.busy();
    }

    // ---- running a request that ends in a stop

    CompletableFuture<Stop> run(RewindThread t, int detail, String what, Supplier<CompletableFuture<Stop>> op) {
        return state.run(t, detail, what, op);
    }

    private void onSessionEvent(SessionEvent e) {
        switch (e) {
            case SessionEvent.Running r -> state.sessionRunning();
            case SessionEvent.Stopped s -> state.sessionStopped(s.stop());
            case SessionEvent.Invalidated i -> {
                for (RewindThread t : threads) {
                    t.invalidate();
                    t.fire(DebugEvent.CHANGE, DebugEvent.CONTENT);
                }
            }
            case SessionEvent.BreakpointChanged b -> breakpoints.changed(b.breakpoint(), b.removed());
            case SessionEvent.Ended ended -> terminated();
            default -> { }
        }
    }

    private void terminated() {
        if (!state.terminate()) {
            return;
        }
        breakpoints.stop();
        try {
            listener.close();
        } catch (Exception e) {
            Platform.getLog(RewindDebugTarget.class).log(Status.warning("removing the session listener", e));
        }
        for (RewindThread t : threads) {
            t.fireTerminateEvent();
        }
        fireTerminateEvent();
    }

    // ---- IDebugTarget

    @Override public IProcess getProcess() { return null; }
    @Override public IThread[] getThreads() { return state.terminated() ? new IThread[0] : threads.clone(); }
    @Override public boolean hasThreads() { return !state.terminated(); }
    @Override public ILaunch getLaunch() { return launch; }

    @Override
    public String getName() {
        return "Rewind " + session.id() + ": " + session.program().getFileName() + " (" + session.harts() + " harts)";
    }

    @Override
    public boolean supportsBreakpoint(IBreakpoint breakpoint) {
        return RewindDebug.MODEL_ID.equals(breakpoint.getModelIdentifier());
    }

    @Override public boolean canTerminate() { return !state.terminated(); }
    @Override public boolean isTerminated() { return state.terminated(); }

    @Override
    public void terminate() {
        session.end().whenComplete((v, e) -> terminated());
    }

    @Override public boolean canResume() { return state.idle(); }
    @Override public boolean canSuspend() { return state.canSuspend(); }
    @Override public boolean isSuspended() { return state.suspended(); }

    @Override
    public void resume() {
        state.resumed();
        session.resume().exceptionally(e -> {
            state.stopped(session.lastStop());
            return null;
        });
    }

    @Override
    public void suspend() {
        session.pause();
    }

    @Override public void breakpointAdded(IBreakpoint b) { breakpoints.added(b); }
    @Override public void breakpointRemoved(IBreakpoint b, IMarkerDelta d) { breakpoints.removed(b); }
    @Override public void breakpointChanged(IBreakpoint b, IMarkerDelta d) { breakpoints.changed(b); }

    @Override public boolean canDisconnect() { return false; }
    @Override public void disconnect() throws DebugException { throw Futures.error("disconnect is not supported", null); }
    @Override public boolean isDisconnected() { return false; }

    // ---- memory

    @Override public boolean supportsStorageRetrieval() { return true; }

    @Override
    public IMemoryBlock getMemoryBlock(long startAddress, long length) {
        return new RewindMemoryBlock(this, startAddress, length);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IMemoryBlockRetrieval.class) {
            return adapter.cast(this);
        }
        return super.getAdapter(adapter);
    }

    static DebugPlugin debug() {
        return DebugPlugin.getDefault();
    }
}
