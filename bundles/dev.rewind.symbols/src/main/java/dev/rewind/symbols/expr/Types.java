package dev.rewind.symbols.expr;

import dev.rewind.symbols.info.BaseType;
import dev.rewind.symbols.info.DebugInfo;
import dev.rewind.symbols.info.PointerType;
import dev.rewind.symbols.info.Type;
import dev.rewind.symbols.info.VoidType;
import java.util.List;

/** The C types an expression needs: arithmetic result types and types named in casts. */
final class Types {
    final BaseType intType = new BaseType("int", 4, BaseType.Encoding.SIGNED);
    final BaseType uintType = new BaseType("unsigned int", 4, BaseType.Encoding.UNSIGNED);
    final BaseType longType;
    final BaseType ulongType;
    final BaseType charType = new BaseType("char", 1, BaseType.Encoding.UNSIGNED_CHAR);
    final BaseType doubleType = new BaseType("double", 8, BaseType.Encoding.FLOAT);
    final PointerType voidPointer;
    final int pointerSize;
    private final DebugInfo info;

    Types(DebugInfo info, int xlen) {
        this.info = info;
        this.pointerSize = xlen / 8;
        this.longType = new BaseType("long", pointerSize, BaseType.Encoding.SIGNED);
        this.ulongType = new BaseType("unsigned long", pointerSize, BaseType.Encoding.UNSIGNED);
        this.voidPointer = new PointerType(VoidType.VOID, pointerSize);
    }

    Type resolve(Node.TypeName tn) {
        if (!tn.dimensions().isEmpty()) {
            throw new ExpressionException("array types in casts are not supported");
        }
        Type t = base(tn.base());
        for (int i = 0; i < tn.pointers(); i++) {
            t = new PointerType(t, pointerSize);
        }
        return t;
    }

    private Type base(String words) {
        if (words.startsWith("struct ") || words.startsWith("union ") || words.startsWith("enum ")) {
            return info.type(words).orElseThrow(() -> new ExpressionException("no " + words.replaceFirst(" ",
                    " type named '") + "'"));
        }
        List<String> w = List.of(words.split(" "));
        if (w.size() == 1 && !isKeyword(w.get(0))) {
            return info.type(w.get(0)).orElseThrow(() -> new ExpressionException("no type named '" + words + "'"));
        }
        String canonical = canonical(w);
        if (canonical.equals("void")) {
            return VoidType.VOID;
        }
        return info.type(canonical).orElseGet(() -> synthesize(canonical));
    }

    private static boolean isKeyword(String s) {
        return List.of("int", "char", "short", "long", "unsigned", "signed", "void", "_Bool", "float", "double")
                .contains(s);
    }

    /** GCC's DWARF spelling of a list of C type specifiers ({@code unsigned long} -> {@code long unsigned int}). */
    static String canonical(List<String> w) {
        long longs = w.stream().filter("long"::equals).count();
        boolean unsigned = w.contains("unsigned");
        boolean signed = w.contains("signed");
        if (w.contains("void")) {
            return "void";
        }
        if (w.contains("_Bool")) {
            return "_Bool";
        }
        if (w.contains("float")) {
            return "float";
        }
        if (w.contains("double")) {
            return longs > 0 ? "long double" : "double";
        }
        if (w.contains("char")) {
            return unsigned ? "unsigned char" : signed ? "signed char" : "char";
        }
        String u = unsigned ? " unsigned" : "";
        if (w.contains("short")) {
            return "short" + u + " int";
        }
        if (longs >= 2) {
            return "long long" + u + " int";
        }
        if (longs == 1) {
            return "long" + u + " int";
        }
        return unsigned ? "unsigned int" : "int";
    }

    private BaseType synthesize(String c) {
        return switch (c) {
            case "char" -> charType;
            case "signed char" -> new BaseType(c, 1, BaseType.Encoding.SIGNED_CHAR);
            case "unsigned char" -> new BaseType(c, 1, BaseType.Encoding.UNSIGNED_CHAR);
            case "_Bool" -> new BaseType(c, 1, BaseType.Encoding.BOOLEAN);
            case "float" -> new BaseType(c, 4, BaseType.Encoding.FLOAT);
            case "double", "long double" -> new BaseType(c, 8, BaseType.Encoding.FLOAT);
            case "short int" -> new BaseType(c, 2, BaseType.Encoding.SIGNED);
            case "short unsigned int" -> new BaseType(c, 2, BaseType.Encoding.UNSIGNED);
            case "long int" -> new BaseType(c, pointerSize, BaseType.Encoding.SIGNED);
            case "long unsigned int" -> new BaseType(c, pointerSize, BaseType.Encoding.UNSIGNED);
            case "long long int" -> new BaseType(c, 8, BaseType.Encoding.SIGNED);
            case "long long unsigned int" -> new BaseType(c, 8, BaseType.Encoding.UNSIGNED);
            case "unsigned int" -> uintType;
            default -> intType;
        };
    }
}
