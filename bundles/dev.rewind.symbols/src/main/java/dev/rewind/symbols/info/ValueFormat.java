package dev.rewind.symbols.info;

import java.util.List;
import java.util.Optional;

/** Formats values the way gdb's {@code print} does. */
public final class ValueFormat {
    static final int REPEAT_THRESHOLD = 10;
    static final int MAX_ELEMENTS = 200;
    private static final int MAX_DEPTH = 8;

    /** Names code and data addresses for pointers ({@code pool+24}, {@code main}); empty when unknown. */
    @FunctionalInterface
    public interface Symbolizer {
        Optional<String> symbolize(long address);

        /** Names nothing. */
        Symbolizer NONE = a -> Optional.empty();
    }

    /** gdb's rendering: {@code 42}, {@code 65 'A'}, {@code 0x80001000 "text"}, {@code {x = 1, y = 2}}. */
    public static String format(Value v) {
        return format(v, Symbolizer.NONE);
    }

    /**
     * gdb's rendering with pointers named by {@code symbols} as gdb does ({@code (struct node *) 0x80002010
     * <pool+16>}; a pointer at the top level shows its type, as in gdb's {@code print}).
     */
    public static String format(Value v, Symbolizer symbols) {
        StringBuilder sb = new StringBuilder();
        new ValueFormat(symbols).append(sb, v, 0);
        return sb.toString();
    }

    private final Symbolizer symbols;

    private ValueFormat(Symbolizer symbols) {
        this.symbols = symbols;
    }

    private void append(StringBuilder sb, Value v, int depth) {
        try {
            if (v.location() instanceof Location.Unavailable u) {
                sb.append("<error: ").append(u.message()).append('>');
                return;
            }
            if (!v.isAvailable()) {
                sb.append("<optimized out>");
                return;
            }
            Type t = v.type().strip();
            switch (t) {
                case BaseType b -> sb.append(scalar(b, v));
                case EnumType e -> sb.append(enumerator(e, v.asLong()));
                case PointerType p -> pointer(sb, p, v, depth);
                case ArrayType a -> array(sb, a, v, depth);
                case StructType s -> struct(sb, s, v, depth);
                case FunctionType f -> {
                    sb.append('{').append(f.name()).append("} 0x").append(v.address().map(Long::toHexString)
                            .orElse("?"));
                    v.address().flatMap(symbols::symbolize).ifPresent(n -> sb.append(" <").append(n).append('>'));
                }
                default -> sb.append("void");
            }
        } catch (ValueException e) {
            sb.append(e.getMessage().equals("<optimized out>") ? "<optimized out>" : "<error: " + e.getMessage() + ">");
        }
    }

    static String scalar(BaseType b, Value v) {
        long x = v.asLong();
        return switch (b.encoding()) {
            case BOOLEAN -> x == 0 ? "false" : x == 1 ? "true" : Long.toString(x);
            case SIGNED_CHAR, UNSIGNED_CHAR -> x + " " + charLiteral((int) (x & 0xff));
            case FLOAT -> b.size() == 4 ? floating(Float.intBitsToFloat((int) x)) : floating(Double.longBitsToDouble(x));
            case SIGNED -> Long.toString(x);
            default -> Long.toUnsignedString(b.size() >= 8 || v.isBitField() ? x : x & ((1L << (8 * b.size())) - 1));
        };
    }

    private static String floating(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? "nan(0x8000000000000)" : d > 0 ? "inf" : "-inf";
        }
        String s = String.format("%.17g", d);
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return Long.toString((long) d);
        }
        return Double.toString(d).equals(s) ? s : trim(String.format("%.9g", d), d);
    }

    private static String trim(String s, double d) {
        String shortest = Double.toString(d);
        return shortest.length() < s.length() && !shortest.contains("E") ? shortest : s.replaceAll("0+$", "");
    }

    static String enumerator(EnumType e, long x) {
        return e.byValue(x).map(EnumType.Enumerator::name).orElseGet(() -> flags(e, x));
    }

    /** gdb's flag enums: all values non-negative with disjoint bits; others print unknown values as numbers. */
    private static String flags(EnumType e, long x) {
        long mask = 0;
        for (EnumType.Enumerator en : e.enumerators()) {
            if (en.value() < 0 || (mask & en.value()) != 0) {
                return Long.toString(x);
            }
            mask |= en.value();
        }
        if (x <= 0) {
            return Long.toString(x);
        }
        StringBuilder sb = new StringBuilder("(");
        long rest = x;
        for (EnumType.Enumerator en : e.enumerators()) {
            if (en.value() != 0 && (rest & en.value()) == en.value()) {
                sb.append(sb.length() > 1 ? " | " : "").append(en.name());
                rest &= ~en.value();
            }
        }
        if (rest != 0) {
            sb.append(" | unknown: 0x").append(Long.toHexString(rest));
        }
        return sb.append(')').toString();
    }

    private void pointer(StringBuilder sb, PointerType p, Value v, int depth) {
        long x = v.asLong() & (p.size() == 4 ? 0xffff_ffffL : -1L);
        boolean chars = p.target().strip() instanceof BaseType b && b.isChar() && b.size() == 1;
        if (depth == 0 && !chars) {
            sb.append('(').append(v.type().name()).append(") ");
        }
        sb.append("0x").append(Long.toHexString(x));
        if (x != 0 && chars) {
            sb.append(' ');
            cString(sb, v, x);
        } else if (x != 0) {
            symbols.symbolize(x).ifPresent(s -> sb.append(" <").append(s).append('>'));
        }
    }

    private static void cString(StringBuilder sb, Value v, long address) {
        StringBuilder s = new StringBuilder("\"");
        try {
            for (int i = 0; i < MAX_ELEMENTS; i++) {
                int c = v.target().memory(address + i, 1)[0] & 0xff;
                if (c == 0) {
                    sb.append(s).append('"');
                    return;
                }
                s.append(escape(c, '"'));
            }
            sb.append(s).append("\"...");
        } catch (dev.rewind.symbols.TargetAccess.AccessException e) {
            sb.append(s.length() > 1 ? s + "\"" : "").append("<error: Cannot access memory at address 0x")
                    .append(Long.toHexString(e.address())).append('>');
        }
    }

    private void array(StringBuilder sb, ArrayType a, Value v, int depth) {
        long n = a.count() < 0 ? 0 : a.count();
        Type el = a.element().strip();
        if (el instanceof BaseType b && b.isChar() && b.size() == 1) {
            chars(sb, v.bytes(), n);
            return;
        }
        if (depth >= MAX_DEPTH) {
            sb.append("{...}");
            return;
        }
        List<Value> elements = Children.elements(v, 0, Math.min(n, MAX_ELEMENTS));
        sb.append('{');
        int i = 0;
        boolean first = true;
        while (i < elements.size()) {
            String text = format(elements.get(i), depth + 1);
            if (text.startsWith("<error: ")) {
                sb.append(first ? "" : ", ").append(text).append("...}");
                return; // the rest is as unreadable
            }
            int j = i + 1;
            while (j < elements.size() && format(elements.get(j), depth + 1).equals(text)) {
                j++;
            }
            sb.append(first ? "" : ", ");
            first = false;
            if (j - i >= REPEAT_THRESHOLD) {
                sb.append(text).append(" <repeats ").append(j - i).append(" times>");
                i = j;
            } else {
                sb.append(text);
                i++;
            }
        }
        if (n > MAX_ELEMENTS) {
            sb.append("...");
        }
        sb.append('}');
    }

    private String format(Value v, int depth) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, depth);
        return sb.toString();
    }

    private static void chars(StringBuilder sb, byte[] b, long n) {
        int len = (int) Math.min(n, b.length);
        if (len > 0 && b[len - 1] == 0) {
            len--; // gdb drops one terminating NUL
        }
        boolean inString = false;
        boolean any = false;
        int i = 0;
        while (i < len && i < MAX_ELEMENTS) {
            int j = i + 1;
            while (j < len && b[j] == b[i]) {
                j++;
            }
            if (j - i > REPEAT_THRESHOLD) {
                sb.append(inString ? "\", " : any ? ", " : "").append(charLiteral(b[i] & 0xff)).append(" <repeats ")
                        .append(j - i).append(" times>");
                inString = false;
                i = j;
            } else {
                if (!inString) {
                    sb.append(any ? ", \"" : "\"");
                    inString = true;
                }
                sb.append(escape(b[i] & 0xff, '"'));
                i++;
            }
            any = true;
        }
        if (inString) {
            sb.append('"');
        }
        if (!any) {
            sb.append("\"\"");
        }
        if (len > MAX_ELEMENTS) {
            sb.append("...");
        }
    }

    private void struct(StringBuilder sb, StructType s, Value v, int depth) {
        if (depth >= MAX_DEPTH) {
            sb.append("{...}");
            return;
        }
        sb.append('{');
        boolean first = true;
        for (StructType.Member m : s.members()) {
            sb.append(first ? "" : ", ");
            first = false;
            if (m.name() != null) {
                sb.append(m.name()).append(" = ");
            }
            append(sb, Children.member(v, m), depth + 1);
        }
        sb.append('}');
    }

    /** {@code 'A'}, {@code '\n'}, {@code '\000'} as gdb writes a char. */
    static String charLiteral(int c) {
        return "'" + escape(c, '\'') + "'";
    }

    /** {@code \\ooo} (no Formatter: a char array of zeros has many). */
    private static String octal(int c) {
        int b = c & 0xff;
        return new String(new char[] {'\\', (char) ('0' + (b >> 6)), (char) ('0' + ((b >> 3) & 7)), (char) ('0' + (b & 7))});
    }

    private static String escape(int c, char quote) {
        return switch (c) {
            case 7 -> "\\a";
            case 8 -> "\\b";
            case 9 -> "\\t";
            case 10 -> "\\n";
            case 11 -> "\\v";
            case 12 -> "\\f";
            case 13 -> "\\r";
            case 27 -> "\\033";
            case '\\' -> "\\\\";
            default -> c == quote ? "\\" + quote : c >= 32 && c < 127 ? Character.toString(c)
                    : octal(c);
        };
    }
}
