package dev.rewind.symbols.expr;

import dev.rewind.symbols.TargetAccess;
import dev.rewind.symbols.info.ArrayType;
import dev.rewind.symbols.info.BaseType;
import dev.rewind.symbols.info.EnumType;
import dev.rewind.symbols.info.PointerType;
import dev.rewind.symbols.info.Type;
import dev.rewind.symbols.info.Value;
import dev.rewind.symbols.info.ValueException;

/** C arithmetic on values: promotions, pointer arithmetic, comparisons, conversions. */
final class Arithmetic {
    private final Types types;
    private final TargetAccess target;

    Arithmetic(Types types, TargetAccess target) {
        this.types = types;
        this.target = target;
    }

    Value literal(Node.Num n) {
        boolean fitsInt = n.unsigned() ? Long.compareUnsigned(n.value(), 0xffff_ffffL) <= 0
                : Long.compareUnsigned(n.value(), Integer.MAX_VALUE) <= 0;
        Type t = fitsInt && !n.isLong() ? (n.unsigned() ? types.uintType : types.intType)
                : (n.unsigned() || n.value() < 0 ? types.ulongType : types.longType);
        return Value.of(t, n.value(), target);
    }

    boolean truth(Value v) {
        if (isFloat(v.type())) {
            return real(v) != 0;
        }
        return integer(v, "a condition") != 0;
    }

    /** The integer value of a scalar (pointer, enum, bool, char, integer); arrays decay to their address. */
    long integer(Value v, String what) {
        Type t = v.type().strip();
        if (t instanceof ArrayType) {
            return v.address().orElseThrow(() -> new ExpressionException("array not in memory used as " + what));
        }
        if (!t.isScalar()) {
            throw new ExpressionException("a value of type " + v.type().name() + " cannot be used as " + what);
        }
        if (isFloat(t)) {
            return (long) real(v);
        }
        try {
            return v.asLong();
        } catch (ValueException e) {
            throw new ExpressionException(e.getMessage(), e);
        }
    }

    private double real(Value v) {
        Type t = v.type().strip();
        if (!isFloat(t)) {
            long x = integer(v, "a number");
            return isUnsigned(t) && x < 0 ? Long.toUnsignedString(x).isEmpty() ? 0 : Double.parseDouble(
                    Long.toUnsignedString(x)) : x;
        }
        long bits = v.asLong();
        return t.size() == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
    }

    private static boolean isFloat(Type t) {
        return t.strip() instanceof BaseType b && b.encoding() == BaseType.Encoding.FLOAT;
    }

    private static boolean isUnsigned(Type t) {
        Type s = t.strip();
        return s instanceof PointerType || s instanceof BaseType b && !b.isSigned()
                || s instanceof EnumType e && !e.isSigned();
    }

    Value unary(String op, Value v) {
        if (isFloat(v.type())) {
            double d = real(v);
            return switch (op) {
                case "-" -> real(-d);
                case "+" -> real(d);
                case "!" -> Value.of(types.intType, d == 0 ? 1 : 0, target);
                default -> throw new ExpressionException("operator " + op + " needs an integer operand");
            };
        }
        long x = integer(v, "an operand of " + op);
        Type t = promote(v.type(), v.type());
        return switch (op) {
            case "-" -> Value.of(t, -x, target);
            case "+" -> Value.of(t, x, target);
            case "~" -> Value.of(t, ~x, target);
            default -> Value.of(types.intType, x == 0 ? 1 : 0, target);
        };
    }

    Value binary(String op, Value a, Value b) {
        Type ta = decay(a.type());
        Type tb = decay(b.type());
        if (ta instanceof PointerType || tb instanceof PointerType) {
            Value p = pointerArithmetic(op, a, ta, b, tb);
            if (p != null) {
                return p;
            }
        }
        if (isFloat(ta) || isFloat(tb)) {
            double x = real(a);
            double y = real(b);
            return switch (op) {
                case "+" -> real(x + y);
                case "-" -> real(x - y);
                case "*" -> real(x * y);
                case "/" -> real(x / y);
                case "<", ">", "<=", ">=", "==", "!=" -> bool(compare(op, Double.compare(x, y)));
                default -> throw new ExpressionException("operator " + op + " needs integer operands");
            };
        }
        long x = integer(a, "an operand of " + op);
        long y = integer(b, "an operand of " + op);
        Type t = promote(ta, tb);
        boolean unsigned = isUnsigned(t);
        int bits = (int) t.size() * 8;
        if (bits < 64) {
            long mask = (1L << bits) - 1;
            x = unsigned ? x & mask : (x << (64 - bits)) >> (64 - bits);
            y = unsigned ? y & mask : (y << (64 - bits)) >> (64 - bits);
        }
        return switch (op) {
            case "+" -> Value.of(t, x + y, target);
            case "-" -> Value.of(t, x - y, target);
            case "*" -> Value.of(t, x * y, target);
            case "/", "%" -> {
                if (y == 0) {
                    throw new ExpressionException("division by zero");
                }
                long r = op.equals("/") ? (unsigned ? Long.divideUnsigned(x, y) : x / y)
                        : (unsigned ? Long.remainderUnsigned(x, y) : x % y);
                yield Value.of(t, r, target);
            }
            case "&" -> Value.of(t, x & y, target);
            case "|" -> Value.of(t, x | y, target);
            case "^" -> Value.of(t, x ^ y, target);
            case "<<" -> Value.of(t, y < 0 || y >= 64 ? 0 : x << y, target);
            case ">>" -> Value.of(t, y < 0 || y >= 64 ? (unsigned || x >= 0 ? 0 : -1) : unsigned ? x >>> y : x >> y,
                    target);
            default -> bool(compare(op, unsigned ? Long.compareUnsigned(x, y) : Long.compare(x, y)));
        };
    }

    private Value pointerArithmetic(String op, Value a, Type ta, Value b, Type tb) {
        long x = integer(a, "an operand of " + op);
        long y = integer(b, "an operand of " + op);
        if (ta instanceof PointerType p && tb instanceof PointerType q) {
            return switch (op) {
                case "-" -> {
                    long size = Math.max(1, p.target().size());
                    yield Value.of(types.longType, (x - y) / size, target);
                }
                case "<", ">", "<=", ">=", "==", "!=" -> bool(compare(op, Long.compareUnsigned(x, y)));
                default -> throw new ExpressionException("operator " + op + " cannot combine two pointers");
            };
        }
        PointerType p = ta instanceof PointerType pp ? pp : (PointerType) tb;
        long size = Math.max(1, p.target().size());
        return switch (op) {
            case "+" -> Value.of(p, ta instanceof PointerType ? x + y * size : y + x * size, target);
            case "-" -> {
                if (!(ta instanceof PointerType)) {
                    throw new ExpressionException("cannot subtract a pointer from an integer");
                }
                yield Value.of(p, x - y * size, target);
            }
            case "<", ">", "<=", ">=", "==", "!=" -> bool(compare(op, Long.compareUnsigned(x, y)));
            case "&&", "||" -> null;
            default -> throw new ExpressionException("operator " + op + " cannot be applied to a pointer");
        };
    }

    /** An array used as a value is a pointer to its first element. */
    private Type decay(Type t) {
        Type s = t.strip();
        return s instanceof ArrayType a ? new PointerType(a.element(), types.pointerSize) : s;
    }

    private Type promote(Type a, Type b) {
        long size = Math.max(Math.max(a.strip().size(), b.strip().size()), 4);
        boolean unsigned = (a.strip().size() == size && isUnsigned(a) && !(a.strip() instanceof PointerType))
                || (b.strip().size() == size && isUnsigned(b) && !(b.strip() instanceof PointerType));
        if (size <= 4) {
            return unsigned ? types.uintType : types.intType;
        }
        return unsigned ? types.ulongType : types.longType;
    }

    private static boolean compare(String op, int c) {
        return switch (op) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case ">=" -> c >= 0;
            case "==" -> c == 0;
            default -> c != 0;
        };
    }

    private Value bool(boolean b) {
        return Value.of(types.intType, b ? 1 : 0, target);
    }

    private Value real(double d) {
        return Value.of(types.doubleType, Double.doubleToRawLongBits(d), target);
    }

    /** {@code v} converted to {@code t} (a cast): integers truncate/extend, pointers and enums are integers. */
    Value convert(Value v, Type t) {
        Type s = t.strip();
        if (!s.isScalar()) {
            if (v.type().strip().size() == s.size() && v.isAvailable()) {
                return new Value(t, v.location(), target); // reinterpret an lvalue
            }
            throw new ExpressionException("cannot convert a value of type " + v.type().name() + " to " + t.name());
        }
        if (isFloat(s)) {
            double d = real(v);
            return Value.of(t, s.size() == 4 ? Float.floatToRawIntBits((float) d) : Double.doubleToRawLongBits(d),
                    target);
        }
        if (isFloat(v.type())) {
            return Value.of(t, (long) real(v), target);
        }
        return Value.of(t, integer(v, "a value to convert"), target);
    }
}
