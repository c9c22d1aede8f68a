package dev.rewind.symbols.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Recursive-descent parser for C expressions (precedence as in C). */
final class Parser {
    private static final String[][] LEVELS = {{"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="},
        {"<", ">", "<=", ">="}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"}};
    private static final Set<String> TYPE_WORDS = Set.of("int", "char", "short", "long", "unsigned", "signed",
            "void", "_Bool", "float", "double", "struct", "union", "enum", "const", "volatile");
    static final int MAX_DEPTH = 200;

    private final List<Token> tokens;
    private final Predicate<String> isTypedef;
    private int pos;
    private int depth;

    private Parser(List<Token> tokens, Predicate<String> isTypedef) {
        this.tokens = tokens;
        this.isTypedef = isTypedef;
    }

    static Node parse(String text, Predicate<String> isTypedef) {
        Parser p = new Parser(Lexer.tokens(text), isTypedef);
        if (p.peek().kind() == Token.Kind.END) {
            throw new ExpressionException("empty expression");
        }
        Node n = p.expression();
        if (p.peek().kind() != Token.Kind.END) {
            throw new ExpressionException("unexpected '" + p.peek().text() + "' at column " + (p.peek().position() + 1));
        }
        return n;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token take() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.END) {
            pos++;
        }
        return t;
    }

    private void expect(String p) {
        Token t = take();
        if (!t.is(p)) {
            throw new ExpressionException("expected '" + p + "' but found '" + t.text() + "' at column "
                    + (t.position() + 1));
        }
    }

    private Node expression() {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException("expression nested deeper than " + MAX_DEPTH);
        }
        try {
            Node c = binary(0);
            if (peek().is("?")) {
                take();
                Node a = expression();
                expect(":");
                Node b = expression();
                return new Node.Ternary(c, a, b);
            }
            return c;
        } finally {
            depth--;
        }
    }

    private Node binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        Node left = binary(level + 1);
        while (true) {
            Token t = peek();
            String op = null;
            for (String o : LEVELS[level]) {
                if (t.kind() == Token.Kind.PUNCT && t.text().equals(o)) {
                    op = o;
                }
            }
            if (op == null) {
                return left;
            }
            take();
            left = new Node.Binary(op, left, binary(level + 1));
        }
    }

    private Node unary() {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException("expression nested deeper than " + MAX_DEPTH);
        }
        try {
            Token t = peek();
            if (t.kind() == Token.Kind.PUNCT && Set.of("-", "+", "!", "~", "*", "&").contains(t.text())) {
                take();
                return new Node.Unary(t.text(), unary());
            }
            if (t.is("sizeof")) {
                take();
                if (peek().is("(") && startsType(peek(1))) {
                    take();
                    Node.TypeName tn = typeName();
                    expect(")");
                    return new Node.SizeofType(tn);
                }
                return new Node.SizeofExpr(unary());
            }
            if (t.is("(") && startsType(peek(1))) {
                take();
                Node.TypeName tn = typeName();
                expect(")");
                return new Node.Cast(tn, unary());
            }
            return postfix(primary());
        } finally {
            depth--;
        }
    }

    private boolean startsType(Token t) {
        return t.kind() == Token.Kind.IDENT && (TYPE_WORDS.contains(t.text()) || isTypedef.test(t.text()));
    }

    private Node.TypeName typeName() {
        List<String> words = new ArrayList<>();
        while (peek().kind() == Token.Kind.IDENT && startsType(peek())) {
            String w = take().text();
            if (w.equals("const") || w.equals("volatile")) {
                continue;
            }
            if (w.equals("struct") || w.equals("union") || w.equals("enum")) {
                Token tag = take();
                if (tag.kind() != Token.Kind.IDENT) {
                    throw new ExpressionException("expected a tag after '" + w + "' at column " + (tag.position() + 1));
                }
                words.add(w + " " + tag.text());
                break;
            }
            words.add(w);
            if (isTypedef.test(w) && !TYPE_WORDS.contains(w)) {
                break;
            }
        }
        while (peek().is("const") || peek().is("volatile")) {
            take();
        }
        int pointers = 0;
        while (peek().is("*")) {
            take();
            pointers++;
            while (peek().is("const") || peek().is("volatile")) {
                take();
            }
        }
        List<Long> dims = new ArrayList<>();
        while (peek().is("[")) {
            take();
            Token n = take();
            if (n.kind() != Token.Kind.NUMBER) {
                throw new ExpressionException("expected an array size at column " + (n.position() + 1));
            }
            dims.add(n.number());
            expect("]");
        }
        return new Node.TypeName(String.join(" ", words), pointers, List.copyOf(dims));
    }

    private Node postfix(Node n) {
        while (true) {
            Token t = peek();
            if (t.is("[")) {
                take();
                Node i = expression();
                expect("]");
                n = new Node.Index(n, i);
            } else if (t.is(".") || t.is("->")) {
                take();
                Token name = take();
                if (name.kind() != Token.Kind.IDENT) {
                    throw new ExpressionException("expected a member name after '" + t.text() + "' at column "
                            + (name.position() + 1));
                }
                n = new Node.Member(n, name.text(), t.is("->"));
            } else {
                return n;
            }
        }
    }

    private Node primary() {
        Token t = take();
        return switch (t.kind()) {
            case NUMBER -> new Node.Num(t.number(), t.unsigned(), t.isLong());
            case CHAR -> new Node.Chr(t.number());
            case REGISTER -> new Node.Register(t.text());
            case IDENT -> {
                if (TYPE_WORDS.contains(t.text())) {
                    throw new ExpressionException("unexpected type name '" + t.text() + "' at column "
                            + (t.position() + 1));
                }
                yield new Node.Ident(t.text());
            }
            case PUNCT -> {
                if (t.is("(")) {
                    Node n = expression();
                    expect(")");
                    yield n;
                }
                throw new ExpressionException("unexpected '" + t.text() + "' at column " + (t.position() + 1));
            }
            case END -> throw new ExpressionException("expression ends too early");
        };
    }
}
