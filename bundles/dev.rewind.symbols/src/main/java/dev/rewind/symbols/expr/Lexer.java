package dev.rewind.symbols.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits a C expression into tokens. */
final class Lexer {
    private static final String[] PUNCT = {"->", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "(", ")", "[", "]",
        ".", "*", "&", "+", "-", "!", "~", "/", "%", "<", ">", "^", "|", "?", ":", ","};
    static final int MAX_LENGTH = 4096;

    private final String s;
    private int i;

    private Lexer(String s) {
        this.s = s;
    }

    static List<Token> tokens(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException("expression longer than " + MAX_LENGTH + " characters");
        }
        Lexer l = new Lexer(text);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = l.next();
            out.add(t);
        } while (t.kind() != Token.Kind.END);
        return out;
    }

    private Token next() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i >= s.length()) {
            return new Token(Token.Kind.END, "end of expression", 0, false, false, i);
        }
        char c = s.charAt(i);
        if (Character.isLetter(c) || c == '_' || c == '$') {
            i++;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            String word = s.substring(start, i);
            if (c == '$') {
                if (word.length() == 1) {
                    throw new ExpressionException("register name missing after '$' at column " + (start + 1));
                }
                return new Token(Token.Kind.REGISTER, word.substring(1), 0, false, false, start);
            }
            return new Token(Token.Kind.IDENT, word, 0, false, false, start);
        }
        if (Character.isDigit(c)) {
            return number(start);
        }
        if (c == '\'') {
            return character(start);
        }
        for (String p : PUNCT) {
            if (s.startsWith(p, i)) {
                i += p.length();
                return new Token(Token.Kind.PUNCT, p, 0, false, false, start);
            }
        }
        throw new ExpressionException("unexpected character '" + c + "' at column " + (start + 1));
    }

    private Token number(int start) {
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (s.charAt(i) == '0' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
            radix = 8;
            i++;
        }
        int digits = i;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0) {
            i++;
        }
        if (digits == i && radix == 16) {
            throw new ExpressionException("hex number without digits at column " + (start + 1));
        }
        String body = digits == i ? "0" : s.substring(digits, i);
        boolean unsigned = false;
        boolean isLong = false;
        while (i < s.length() && "uUlL".indexOf(s.charAt(i)) >= 0) {
            unsigned |= Character.toLowerCase(s.charAt(i)) == 'u';
            isLong |= Character.toLowerCase(s.charAt(i)) == 'l';
            i++;
        }
        if (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            throw new ExpressionException("invalid number '" + s.substring(start, i + 1) + "' at column "
                    + (start + 1));
        }
        long v;
        try {
            v = Long.parseUnsignedLong(body, radix);
        } catch (NumberFormatException e) {
            throw new ExpressionException("number '" + s.substring(start, i) + "' is too large", e);
        }
        return new Token(Token.Kind.NUMBER, s.substring(start, i), v, unsigned, isLong, start);
    }

    private Token character(int start) {
        i++;
        if (i >= s.length()) {
            throw new ExpressionException("unterminated character literal at column " + (start + 1));
        }
        int v;
        char c = s.charAt(i++);
        if (c == '\\') {
            if (i >= s.length()) {
                throw new ExpressionException("unterminated character literal at column " + (start + 1));
            }
            char e = s.charAt(i++);
            v = switch (e) {
                case 'n' -> 10;
                case 't' -> 9;
                case 'r' -> 13;
                case 'a' -> 7;
                case 'b' -> 8;
                case 'f' -> 12;
                case 'v' -> 11;
                case 'e' -> 27;
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int o = e - '0';
                    for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                        o = o * 8 + (s.charAt(i++) - '0');
                    }
                    yield o & 0xff;
                }
                default -> e;
            };
        } else {
            v = c;
        }
        if (i >= s.length() || s.charAt(i) != '\'') {
            throw new ExpressionException("unterminated character literal at column " + (start + 1));
        }
        i++;
        return new Token(Token.Kind.CHAR, s.substring(start, i), v, false, false, start);
    }
}
