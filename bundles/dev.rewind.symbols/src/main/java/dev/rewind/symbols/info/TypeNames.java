package dev.rewind.symbols.info;

import java.util.List;

/** C declarators as gdb prints them ({@code whatis}, {@code ptype}). */
public final class TypeNames {
    private static final int MAX_DEPTH = 64;

    private TypeNames() {
    }

    /** {@code t} declaring {@code d} ("" for an abstract declarator): {@code int (*fn)(int)}. */
    public static String declare(Type t, String d) {
        return declare(t, d, 0, false);
    }

    /**
     * @param show gdb's {@code show > 0}: the base type (under the pointers, arrays and function returns) with its
     *             typedefs resolved and a struct, union or enum written out, as {@code ptype} prints it
     */
    private static String declare(Type t, String d, int depth, boolean show) {
        if (depth > MAX_DEPTH) {
            return "<type nested too deep>" + sep(d);
        }
        if (t instanceof PointerType p) {
            String inner = (p.isReference() ? "&" : "*") + d;
            return declare(p.target(), needsParens(p.target()) ? "(" + inner + ")" : inner, depth + 1, show);
        }
        if (t instanceof QualifiedType q) {
            java.util.EnumSet<QualifiedType.Qualifier> quals = java.util.EnumSet.noneOf(QualifiedType.Qualifier.class);
            Type core = q;
            for (int i = 0; i < MAX_DEPTH && core instanceof QualifiedType qq; i++) {
                quals.add(qq.qualifier());
                core = qq.target();
            }
            StringBuilder words = new StringBuilder();
            for (QualifiedType.Qualifier x : quals) {
                words.append(words.length() == 0 ? "" : " ").append(x.keyword);
            }
            if (core instanceof PointerType p) {
                String inner = (p.isReference() ? "&" : "*") + " " + words + sep(d);
                return declare(p.target(), needsParens(p.target()) ? "(" + inner + ")" : inner, depth + 1, show);
            }
            if (core instanceof ArrayType a) {
                // a qualified array is an array of qualified elements (C11 6.7.3p9), as gdb prints it
                ArrayType copy = new ArrayType(a.count(), a.lowerBound());
                Type el = a.element();
                for (QualifiedType.Qualifier x : quals) {
                    if (!hasQualifier(el, x)) {
                        QualifiedType qe = new QualifiedType(x);
                        qe.target(el);
                        el = qe;
                    }
                }
                copy.element(el);
                return declare(copy, d, depth + 1, show);
            }
            return words + " " + declare(core, d, depth + 1, show);
        }
        if (t instanceof ArrayType a) {
            String dim = "[" + (a.count() < 0 ? "" : Long.toString(a.count())) + "]";
            return declare(a.element(), d + dim, depth + 1, show);
        }
        if (t instanceof FunctionType f) {
            return declare(f.returnType(), d + "(" + parameters(f) + ")", depth + 1, show);
        }
        if (show && t instanceof TypedefType td) {
            return declare(td.target(), d, depth + 1, true);
        }
        if (show && (t instanceof StructType st && !st.isDeclaration() || t instanceof EnumType)) {
            StringBuilder sb = new StringBuilder();
            body(sb, t, d, 0);
            return sb.toString();
        }
        return simpleName(t) + sep(d);
    }

    private static boolean hasQualifier(Type t, QualifiedType.Qualifier x) {
        for (int i = 0; i < MAX_DEPTH && t instanceof QualifiedType q; i++) {
            if (q.qualifier() == x) {
                return true;
            }
            t = q.target();
        }
        return false;
    }

    private static String sep(String d) {
        if (d.isEmpty()) {
            return "";
        }
        return " " + d;
    }

    private static boolean needsParens(Type target) {
        return target instanceof ArrayType || target instanceof FunctionType;
    }

    private static String parameters(FunctionType f) {
        List<Type> ps = f.parameters();
        if (ps.isEmpty()) {
            return f.isVarargs() ? "..." : f.isPrototyped() ? "void" : "";
        }
        StringBuilder sb = new StringBuilder();
        for (Type p : ps) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(declare(p, "", 1, false));
        }
        if (f.isVarargs()) {
            sb.append(", ...");
        }
        return sb.toString();
    }

    /** gdb's spelling of GCC's base type names: {@code long unsigned int} is {@code unsigned long}. */
    static String baseName(String dwarf) {
        return switch (dwarf) {
            case "long int" -> "long";
            case "long unsigned int" -> "unsigned long";
            case "long long int" -> "long long";
            case "long long unsigned int" -> "unsigned long long";
            case "short int" -> "short";
            case "short unsigned int" -> "unsigned short";
            default -> dwarf;
        };
    }

    /** Name of a type that needs no declarator: base, struct/union/enum tag, typedef, void. */
    static String simpleName(Type t) {
        if (t instanceof BaseType b) {
            return baseName(b.baseName());
        }
        if (t instanceof TypedefType td) {
            return td.typedefName();
        }
        if (t instanceof StructType s) {
            return s.kind().keyword + " " + (s.tag() == null ? "{...}" : s.tag());
        }
        if (t instanceof EnumType e) {
            return "enum " + (e.tag() == null ? "{...}" : e.tag());
        }
        if (t instanceof VoidType v) {
            return v.spelled();
        }
        return t.name();
    }

    /**
     * gdb's {@code ptype}: typedefs at the top resolved, a struct/union/enum written out with its members
     * (anonymous nested ones too), e.g. {@code struct node {\n    int val;\n    struct node *next;\n}}.
     */
    public static String ptype(Type t) {
        return declare(t, "", 0, true);
    }

    private static void body(StringBuilder sb, Type t, String d, int indent) {
        Type core = t;
        StringBuilder prefix = new StringBuilder();
        while (core instanceof QualifiedType q && !(q.target() instanceof PointerType)) {
            prefix.append(q.qualifier().keyword).append(' ');
            core = q.target();
        }
        if (core instanceof StructType st && !st.isDeclaration() && indent < 8 * 4) {
            sb.append(prefix).append(st.kind().keyword).append(st.tag() == null ? "" : " " + st.tag()).append(" {\n");
            for (StructType.Member m : st.members()) {
                sb.append(" ".repeat(indent + 4));
                String name = m.name() == null ? "" : m.name();
                if (m.type() instanceof StructType inner && inner.tag() == null) {
                    body(sb, inner, name, indent + 4);
                } else {
                    sb.append(declare(m.type(), name));
                }
                if (m.isBitField()) {
                    sb.append(" : ").append(m.bitSize());
                }
                sb.append(";\n");
            }
            sb.append(" ".repeat(indent)).append('}').append(sep(d));
            return;
        }
        if (core instanceof EnumType e) {
            sb.append(prefix).append("enum ").append(e.tag() == null ? "" : e.tag() + " ").append('{');
            long next = 0;
            boolean first = true;
            for (EnumType.Enumerator en : e.enumerators()) {
                sb.append(first ? "" : ", ").append(en.name());
                if (en.value() != next) {
                    sb.append(" = ").append(en.value());
                }
                next = en.value() + 1;
                first = false;
            }
            sb.append('}').append(sep(d));
            return;
        }
        sb.append(declare(t, d));
    }
}
