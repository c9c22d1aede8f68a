package dev.rewind.eclipse.core.model;

import dev.rewind.debug.Register;
import dev.rewind.eclipse.core.Futures;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

/** One register of a hart at one stop; writable (a debugger write the session records). */
public final class RewindRegister extends RewindDebugElement implements IRegister {

    private final RewindRegisterGroup group;
    private final int hart;
    private final Register register;
    private final long value;

    RewindRegister(RewindRegisterGroup group, int hart, Register register, long value) {
        super(group.getDebugTarget());
        this.group = group;
        this.hart = hart;
        this.register = register;
        this.value = value;
    }

    @Override
    public IRegisterGroup getRegisterGroup() {
        return group;
    }

    @Override
    public String getName() {
        return register.name();
    }

    @Override
    public String getReferenceTypeName() {
        return "uint" + register.bits() + "_t";
    }

    @Override
    public IValue getValue() {
        String hex = register.bits() <= 32 ? String.format("0x%08x", value & 0xffff_ffffL)
                : String.format("0x%016x", value);
        return new RegisterValue(this, hex + " (" + (register.bits() <= 32 ? (int) value : value) + ")");
    }

    @Override
    public boolean hasValueChanged() {
        return false;
    }

    @Override
    public void setValue(String expression) throws DebugException {
        long v;
        try {
            String t = expression.trim();
            v = t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw Futures.error("not a number: " + expression, e);
        }
        Futures.await(rewindTarget().session().writeRegister(hart, register, v), "writing " + register.name());
    }

    @Override
    public void setValue(IValue v) throws DebugException {
        setValue(v.getValueString());
    }

    @Override
    public boolean supportsValueModification() {
        return true;
    }

    @Override
    public boolean verifyValue(String expression) {
        return expression != null && expression.trim().matches("0x[0-9a-fA-F]+|-?[0-9]+");
    }

    @Override
    public boolean verifyValue(IValue v) {
        return false;
    }

    /** A register's value: a number, no children. */
    static final class RegisterValue extends RewindDebugElement implements IValue {
        private final RewindRegister register;
        private final String text;

        RegisterValue(RewindRegister register, String text) {
            super(register.getDebugTarget());
            this.register = register;
            this.text = text;
        }

        @Override public String getReferenceTypeName() { return register.getReferenceTypeName(); }
        @Override public String getValueString() { return text; }
        @Override public boolean isAllocated() { return true; }
        @Override public IVariable[] getVariables() { return new IVariable[0]; }
        @Override public boolean hasVariables() { return false; }
    }
}
