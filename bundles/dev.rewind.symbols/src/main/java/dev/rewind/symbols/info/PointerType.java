package dev.rewind.symbols.info;

/** A pointer (or a C++ reference) to {@link #target()}. */
public final class PointerType extends Type {
    private Type target = VoidType.VOID;
    private final long size;
    private final boolean reference;

    public PointerType(Type target, long size) {
        this(size, false);
        this.target = target;
    }

    PointerType(long size, boolean reference) {
        this.size = size;
        this.reference = reference;
    }

    void target(Type t) {
        target = t;
    }

    public Type target() {
        return target;
    }

    public boolean isReference() {
        return reference;
    }

    @Override
    public long size() {
        return size;
    }
}
