package dev.rewind.eclipse.core.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

/** A variable of a frame (or a member, element or pointee of one), read at one stop. */
public final class RewindVariable extends RewindDebugElement implements IVariable {

    private final RewindStackFrame frame;
    private final VarInfo info;
    private final RewindValue value;

    public RewindVariable(RewindStackFrame frame, VarInfo info) {
        super(frame.getDebugTarget());
        this.frame = frame;
        this.info = info;
        this.value = new RewindValue(frame, info);
    }

    public VarInfo info() {
        return info;
    }

    @Override
    public IValue getValue() {
        return value;
    }

    @Override
    public String getName() {
        return info.name();
    }

    @Override
    public String getReferenceTypeName() {
        return info.type();
    }

    @Override
    public boolean hasValueChanged() {
        return false;
    }

    @Override
    public void setValue(String expression) throws DebugException {
        frame.assign(info.expression(), expression);
    }

    @Override
    public void setValue(IValue v) throws DebugException {
        setValue(v.getValueString());
    }

    @Override
    public boolean supportsValueModification() {
        return info.expression() != null && !VarInfo.GLOBALS.equals(info.expression()) && !info.expandable();
    }

    @Override
    public boolean verifyValue(String expression) {
        return expression != null && !expression.isBlank();
    }

    @Override
    public boolean verifyValue(IValue v) {
        return true;
    }
}
