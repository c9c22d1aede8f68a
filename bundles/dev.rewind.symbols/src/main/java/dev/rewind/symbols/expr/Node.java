package dev.rewind.symbols.expr;

import java.util.List;

/** The syntax tree of an expression. */
sealed interface Node {
    record Ident(String name) implements Node {
    }

    record Register(String name) implements Node {
    }

    record Num(long value, boolean unsigned, boolean isLong) implements Node {
    }

    record Chr(long value) implements Node {
    }

    /** {@code op} is one of - + ! ~ * &. */
    record Unary(String op, Node operand) implements Node {
    }

    record Binary(String op, Node left, Node right) implements Node {
    }

    record Ternary(Node condition, Node then, Node otherwise) implements Node {
    }

    record Index(Node base, Node index) implements Node {
    }

    record Member(Node base, String name, boolean arrow) implements Node {
    }

    record Cast(TypeName type, Node operand) implements Node {
    }

    record SizeofExpr(Node operand) implements Node {
    }

    record SizeofType(TypeName type) implements Node {
    }

    /** A type written in a cast or sizeof: a base ({@code struct node}, {@code unsigned int}) and declarators. */
    record TypeName(String base, int pointers, List<Long> dimensions) {
    }
}
