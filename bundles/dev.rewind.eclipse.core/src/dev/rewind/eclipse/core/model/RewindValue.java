package dev.rewind.eclipse.core.model;

import java.util.List;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

/** A value as gdb prints it; its children (members, elements, pointee) are read when first asked for. */
public final class RewindValue extends RewindDebugElement implements IValue {

    private final RewindStackFrame frame;
    private final VarInfo info;
    private volatile IVariable[] children;

    RewindValue(RewindStackFrame frame, VarInfo info) {
        super(frame.getDebugTarget());
        this.frame = frame;
        this.info = info;
    }

    @Override
    public String getReferenceTypeName() {
        return info.type();
    }

    @Override
    public String getValueString() {
        return info.text();
    }

    @Override
    public boolean isAllocated() {
        return true;
    }

    @Override
    public IVariable[] getVariables() throws DebugException {
        if (!info.expandable() || info.expression() == null) {
            return new IVariable[0];
        }
        IVariable[] c = children;
        if (c == null) {
            List<VarInfo> infos = frame.children(info.expression());
            c = infos.stream().map(i -> new RewindVariable(frame, i)).toArray(IVariable[]::new);
            children = c;
        }
        return c;
    }

    @Override
    public boolean hasVariables() {
        return info.expandable();
    }
}
