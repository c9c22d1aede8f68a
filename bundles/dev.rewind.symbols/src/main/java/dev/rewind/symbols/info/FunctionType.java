package dev.rewind.symbols.info;

import java.util.List;

/** A function type (what a function pointer points to). */
public final class FunctionType extends Type {
    private Type returnType = VoidType.VOID;
    private List<Type> parameters = List.of();
    private final boolean prototyped;
    private boolean varargs;

    FunctionType(boolean prototyped) {
        this.prototyped = prototyped;
    }

    void set(Type ret, List<Type> params, boolean varargs) {
        this.returnType = ret;
        this.parameters = List.copyOf(params);
        this.varargs = varargs;
    }

    public Type returnType() {
        return returnType;
    }

    public List<Type> parameters() {
        return parameters;
    }

    public boolean isPrototyped() {
        return prototyped;
    }

    public boolean isVarargs() {
        return varargs;
    }

    @Override
    public long size() {
        return 1;
    }
}
