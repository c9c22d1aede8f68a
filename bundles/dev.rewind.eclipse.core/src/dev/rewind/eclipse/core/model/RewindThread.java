package dev.rewind.eclipse.core.model;

import dev.rewind.debug.Stop;
import dev.rewind.eclipse.core.Futures;
import java.util.List;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;

/** One hart. The machine is all-stop: resuming or stepping a hart moves every hart as the schedule runs them. */
public final class RewindThread extends RewindDebugElement implements IThread {

    private final int hart;
    private volatile IStackFrame[] frames;
    private volatile boolean stepping;
    private volatile IBreakpoint[] breakpoints = new IBreakpoint[0];

    RewindThread(RewindDebugTarget target, int hart) {
        super(target);
        this.hart = hart;
    }

    public int hart() {
        return hart;
    }

    /** Forgets what was read at the last stop (frames, variables, registers). */
    void invalidate() {
        frames = null;
    }

    void stopped(Stop stop, IBreakpoint[] hit) {
        stepping = false;
        invalidate();
        breakpoints = hit;
    }

    void running(boolean step) {
        stepping = step;
        invalidate();
        breakpoints = new IBreakpoint[0];
    }

    @Override
    public IStackFrame[] getStackFrames() throws DebugException {
        if (!isSuspended()) {
            return new IStackFrame[0];
        }
        IStackFrame[] f = frames;
        if (f == null) {
            FrameInspector fi = rewindTarget().inspector();
            List<FrameInfo> infos = Futures.await(rewindTarget().session().inspect(hart, fi::frames),
                    "unwinding hart " + hart);
            f = infos.stream().map(i -> new RewindStackFrame(this, i)).toArray(IStackFrame[]::new);
            frames = f;
        }
        return f;
    }

    @Override
    public boolean hasStackFrames() {
        return isSuspended();
    }

    @Override
    public int getPriority() {
        return 0;
    }

    @Override
    public IStackFrame getTopStackFrame() throws DebugException {
        IStackFrame[] f = getStackFrames();
        return f.length == 0 ? null : f[0];
    }

    @Override
    public String getName() {
        return "Hart " + hart;
    }

    @Override
    public IBreakpoint[] getBreakpoints() {
        return breakpoints;
    }

    // ---- run control: the target does it for the whole machine

    @Override public boolean canResume() { return rewindTarget().canResume(); }
    @Override public boolean canSuspend() { return rewindTarget().canSuspend(); }
    @Override public boolean isSuspended() { return rewindTarget().isSuspended(); }
    @Override public void resume() throws DebugException { rewindTarget().resume(); }
    @Override public void suspend() throws DebugException { rewindTarget().suspend(); }
    @Override public boolean canStepInto() { return isSuspended() && !rewindTarget().busy(); }
    @Override public boolean canStepOver() { return canStepInto(); }
    @Override public boolean canStepReturn() { return canStepInto(); }
    @Override public boolean isStepping() { return stepping; }

    @Override
    public void stepInto() throws DebugException {
        rewindTarget().stepper().stepInto(this);
    }

    @Override
    public void stepOver() throws DebugException {
        rewindTarget().stepper().stepOver(this);
    }

    @Override
    public void stepReturn() throws DebugException {
        rewindTarget().stepper().stepReturn(this);
    }

    @Override public boolean canTerminate() { return rewindTarget().canTerminate(); }
    @Override public boolean isTerminated() { return rewindTarget().isTerminated(); }
    @Override public void terminate() throws DebugException { rewindTarget().terminate(); }

    void fire(int kind, int detail) {
        fireEvent(new DebugEvent(this, kind, detail));
    }
}
