package dev.rewind.symbols.info;

/**
 * A C type from DWARF. Subclasses are filled in by the loader (so that cyclic references, a struct pointing to
 * itself, are plain object cycles) and never change after {@link DebugInfo} is published: immutable, thread-safe.
 */
public abstract sealed class Type permits BaseType, PointerType, ArrayType, StructType, EnumType, TypedefType,
        QualifiedType, FunctionType, VoidType {

    /** The type as gdb's {@code whatis} names it, e.g. {@code struct node *}, {@code int [4]}. */
    public final String name() {
        return TypeNames.declare(this, "");
    }

    /** Size in bytes (0 when unknown, e.g. void or an incomplete struct). */
    public abstract long size();

    /** This type without typedefs and const/volatile/restrict/atomic qualifiers. */
    public Type strip() {
        return this;
    }

    /** Whether (after {@link #strip()}) this is an integer, char, bool, enum or pointer: usable in arithmetic. */
    public boolean isScalar() {
        Type t = strip();
        return t instanceof BaseType || t instanceof EnumType || t instanceof PointerType;
    }

    @Override
    public String toString() {
        return name();
    }
}
