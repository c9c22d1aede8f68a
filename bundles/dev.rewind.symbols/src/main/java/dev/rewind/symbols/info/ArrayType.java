package dev.rewind.symbols.info;

/**
 * An array of {@link #count()} elements. A multi-dimensional C array {@code int m[2][3]} is an array of 2 arrays
 * of 3 ints. The count is -1 when unknown ({@code extern int a[];} or a flexible member).
 */
public final class ArrayType extends Type {
    private Type element = VoidType.VOID;
    private final long count;
    private final long lowerBound;

    ArrayType(long count, long lowerBound) {
        this.count = count;
        this.lowerBound = lowerBound;
    }

    void element(Type t) {
        element = t;
    }

    public Type element() {
        return element;
    }

    public long count() {
        return count;
    }

    public long lowerBound() {
        return lowerBound;
    }

    @Override
    public long size() {
        return count < 0 ? 0 : count * element.size();
    }
}
