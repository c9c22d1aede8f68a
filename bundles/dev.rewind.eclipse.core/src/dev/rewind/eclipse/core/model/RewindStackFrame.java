package dev.rewind.eclipse.core.model;

import dev.rewind.debug.Register;
import dev.rewind.eclipse.core.Futures;
import java.util.List;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IVariable;

/** One frame of a hart's stack at one stop (DWARF call frame information unwinding). */
public final class RewindStackFrame extends RewindDebugElement implements IStackFrame {

    private final RewindThread thread;
    private final FrameInfo info;
    private volatile IVariable[] variables;
    private volatile IRegisterGroup[] groups;

    RewindStackFrame(RewindThread thread, FrameInfo info) {
        super(thread.getDebugTarget());
        this.thread = thread;
        this.info = info;
    }

    public FrameInfo info() {
        return info;
    }

    /** The DWARF path of the frame's source file, or null. */
    public String sourcePath() {
        return info.file();
    }

    @Override
    public IThread getThread() {
        return thread;
    }

    public RewindThread rewindThread() {
        return thread;
    }

    @Override
    public IVariable[] getVariables() throws DebugException {
        IVariable[] v = variables;
        if (v == null) {
            FrameInspector fi = rewindTarget().inspector();
            List<VarInfo> infos = Futures.await(rewindTarget().session().inspect(thread.hart(),
                    h -> fi.locals(h, info.level())), "reading the variables of " + getName());
            v = infos.stream().map(i -> new RewindVariable(this, i)).toArray(IVariable[]::new);
            variables = v;
        }
        return v;
    }

    List<VarInfo> children(String expression) throws DebugException {
        FrameInspector fi = rewindTarget().inspector();
        return Futures.await(rewindTarget().session().inspect(thread.hart(),
                h -> fi.children(h, info.level(), expression)), "expanding " + expression);
    }

    /** Evaluates an expression in this frame, as gdb prints it. */
    public VarInfo evaluate(String expression) throws DebugException {
        FrameInspector fi = rewindTarget().inspector();
        return Futures.await(rewindTarget().session().inspect(thread.hart(),
                h -> fi.evaluate(h, info.level(), expression)), "evaluating " + expression);
    }

    /** The address and size of an lvalue in this frame (for reverse to last write and watchpoints). */
    public long[] lvalue(String expression) throws DebugException {
        FrameInspector fi = rewindTarget().inspector();
        return Futures.await(rewindTarget().session().inspect(thread.hart(),
                h -> fi.lvalue(h, info.level(), expression)), "locating " + expression);
    }

    void assign(String expression, String text) throws DebugException {
        if (expression == null) {
            throw Futures.error("this value cannot be written", null);
        }
        var syms = rewindTarget().symbols();
        Futures.await(rewindTarget().session().inspect(thread.hart(), h -> {
            var bt = syms.backtrace(h, FrameInspector.MAX_FRAMES);
            var ev = new dev.rewind.symbols.expr.Evaluator(syms.debugInfo(),
                    dev.rewind.symbols.info.FrameContext.of(bt, info.level(), h));
            ev.assign(ev.evaluate(expression), text, h);
            return null;
        }), "setting " + expression);
    }

    @Override
    public boolean hasVariables() {
        return true;
    }

    @Override
    public int getLineNumber() {
        return info.line() > 0 ? info.line() : -1;
    }

    @Override
    public int getCharStart() {
        return -1;
    }

    @Override
    public int getCharEnd() {
        return -1;
    }

    @Override
    public String getName() {
        String fn = info.function() == null ? "0x" + Long.toHexString(info.pc()) : info.function() + "()";
        String where = info.file() == null ? "" : " at " + java.nio.file.Path.of(info.file()).getFileName() + ":"
                + info.line();
        return fn + where + " pc=0x" + Long.toHexString(info.pc());
    }

    @Override
    public IRegisterGroup[] getRegisterGroups() {
        IRegisterGroup[] g = groups;
        if (g == null) {
            List<Register> all = rewindTarget().session().registers();
            g = new IRegisterGroup[] {
                new RewindRegisterGroup(this, "General registers",
                        all.stream().filter(r -> r.kind() != Register.Kind.CSR).toList()),
                new RewindRegisterGroup(this, "CSRs", all.stream().filter(r -> r.kind() == Register.Kind.CSR).toList())};
            groups = g;
        }
        return g;
    }

    @Override
    public boolean hasRegisterGroups() {
        return true;
    }

    // ---- step and run: the frame's thread does them

    @Override public boolean canStepInto() { return thread.canStepInto(); }
    @Override public boolean canStepOver() { return thread.canStepOver(); }
    @Override public boolean canStepReturn() { return thread.canStepReturn(); }
    @Override public boolean isStepping() { return thread.isStepping(); }
    @Override public void stepInto() throws DebugException { thread.stepInto(); }
    @Override public void stepOver() throws DebugException { thread.stepOver(); }
    @Override public void stepReturn() throws DebugException { thread.stepReturn(); }
    @Override public boolean canResume() { return thread.canResume(); }
    @Override public boolean canSuspend() { return thread.canSuspend(); }
    @Override public boolean isSuspended() { return thread.isSuspended(); }
    @Override public void resume() throws DebugException { thread.resume(); }
    @Override public void suspend() throws DebugException { thread.suspend(); }
    @Override public boolean canTerminate() { return thread.canTerminate(); }
    @Override public boolean isTerminated() { return thread.isTerminated(); }
    @Override public void terminate() throws DebugException { thread.terminate(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof RewindStackFrame f && f.thread == thread && f.info.level() == info.level()
                && f.info.pc() == info.pc() && f.info.cfa() == info.cfa();
    }

    @Override
    public int hashCode() {
        return thread.hashCode() * 31 + Long.hashCode(info.pc()) + info.level();
    }
}
