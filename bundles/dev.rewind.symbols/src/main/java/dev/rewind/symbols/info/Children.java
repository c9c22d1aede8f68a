package dev.rewind.symbols.info;

import java.util.ArrayList;
import java.util.List;

/** Members, elements and pointees of values, for expansion in a variables view and for expressions. */
public final class Children {
    private Children() {
    }

    /** A named child of a value: a member ({@code x}), an element ({@code [3]}) or a pointee ({@code *}). */
    public record Child(String name, Value value) {
    }

    /** Members of a struct/union, elements of an array, the pointee of a data pointer; else empty. */
    public static List<Child> of(Value v, long maxElements) {
        Type t = v.type().strip();
        List<Child> out = new ArrayList<>();
        if (t instanceof StructType s) {
            for (StructType.Member m : s.members()) {
                out.add(new Child(m.name() == null ? "<anonymous>" : m.name(), member(v, m)));
            }
        } else if (t instanceof ArrayType a) {
            long n = Math.min(a.count() < 0 ? 0 : a.count(), maxElements);
            List<Value> els = elements(v, 0, n);
            for (int i = 0; i < els.size(); i++) {
                out.add(new Child("[" + (i + a.lowerBound()) + "]", els.get(i)));
            }
        } else if (t instanceof PointerType p && !(p.target().strip() instanceof VoidType)
                && !(p.target().strip() instanceof FunctionType)) {
            out.add(new Child("*", deref(v)));
        }
        return out;
    }

    /**
     * Whether a variables view can expand the value: structs, unions and arrays, and non-null pointers to data (to
     * their pointee). Unavailable (optimized out) values cannot.
     */
    public static boolean expandable(Value v) {
        if (!v.isAvailable()) {
            return false;
        }
        Type t = v.type().strip();
        if (t instanceof StructType || t instanceof ArrayType) {
            return true;
        }
        if (t instanceof PointerType p) {
            Type target = p.target() == null ? null : p.target().strip();
            if (target == null || target instanceof VoidType || target instanceof FunctionType) {
                return false;
            }
            try {
                return v.asLong() != 0;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * The expression of child {@code child} (as {@link #of} names it) of the value of {@code parent}: {@code *(p)},
     * {@code (a)[3]}, {@code (s).x}; null when the parent has no expression.
     */
    public static String expression(String parent, String child) {
        if (parent == null) {
            return null;
        }
        if (child.equals("*")) {
            return "*(" + parent + ")";
        }
        if (child.startsWith("[")) {
            return "(" + parent + ")" + child;
        }
        return "(" + parent + ")." + child;
    }

    public static Value member(Value v, StructType.Member m) {
        return v.at(m.byteOffset(), m.type(), m.bitSize(), m.isBitField() ? m.bitOffset() - 8 * m.byteOffset() : 0);
    }

    /** Elements {@code from .. from+count-1} of an array value. */
    public static List<Value> elements(Value v, long from, long count) {
        ArrayType a = (ArrayType) v.type().strip();
        long size = a.element().size();
        List<Value> out = new ArrayList<>();
        for (long i = from; i < from + count; i++) {
            out.add(v.at(i * size, a.element(), 0, 0));
        }
        return out;
    }

    /** What a pointer value points to. */
    public static Value deref(Value pointer) {
        PointerType p = (PointerType) pointer.type().strip();
        long addr = pointer.asLong() & (p.size() == 4 ? 0xffff_ffffL : -1L);
        return new Value(p.target(), new Location.Memory(addr), pointer.target());
    }
}
