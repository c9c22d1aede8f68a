package dev.rewind.symbols.info;

/** A typedef name for {@link #target()}. */
public final class TypedefType extends Type {
    private final String typedefName;
    private Type target = VoidType.VOID;

    TypedefType(String name) {
        this.typedefName = name;
    }

    void target(Type t) {
        target = t;
    }

    String typedefName() {
        return typedefName;
    }

    public Type target() {
        return target;
    }

    @Override
    public long size() {
        return strip().size();
    }

    @Override
    public Type strip() {
        return Strip.strip(this);
    }
}
