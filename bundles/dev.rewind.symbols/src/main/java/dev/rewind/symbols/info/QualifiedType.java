package dev.rewind.symbols.info;

/** {@code const}, {@code volatile}, {@code restrict} or {@code _Atomic} applied to {@link #target()}. */
public final class QualifiedType extends Type {

    public enum Qualifier {
        CONST("const"), VOLATILE("volatile"), RESTRICT("restrict"), ATOMIC("_Atomic");

        final String keyword;

        Qualifier(String keyword) {
            this.keyword = keyword;
        }
    }

    private final Qualifier qualifier;
    private Type target = VoidType.VOID;

    QualifiedType(Qualifier q) {
        this.qualifier = q;
    }

    void target(Type t) {
        target = t;
    }

    public Qualifier qualifier() {
        return qualifier;
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
