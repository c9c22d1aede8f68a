package dev.rewind.symbols.expr;

/** A lexical token: its kind, its text, its numeric value (numbers, chars) and its position in the input. */
record Token(Kind kind, String text, long number, boolean unsigned, boolean isLong, int position) {

    enum Kind { IDENT, NUMBER, CHAR, REGISTER, PUNCT, END }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct) || kind == Kind.IDENT && text.equals(punct);
    }
}
