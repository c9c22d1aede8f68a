package dev.rewind.symbols.dwarf;

/**
 * How to recover a register of the caller (DWARF 5 section 6.4.1).
 *
 * @param kind       the rule
 * @param offset     N for OFFSET and VAL_OFFSET (already multiplied by the data alignment factor)
 * @param register   the register for REGISTER
 * @param expression the DWARF expression for EXPRESSION and VAL_EXPRESSION (else null)
 */
public record RegisterRule(Kind kind, long offset, int register, byte[] expression) {

    /** The rule kinds. */
    public enum Kind {
        /** The caller's value is lost. */
        UNDEFINED,
        /** The caller's value is the callee's. */
        SAME_VALUE,
        /** Saved at CFA + offset. */
        OFFSET,
        /** The value is CFA + offset. */
        VAL_OFFSET,
        /** Saved in another register. */
        REGISTER,
        /** Saved at the address the expression computes (with the CFA pushed first). */
        EXPRESSION,
        /** The value the expression computes (with the CFA pushed first). */
        VAL_EXPRESSION
    }

    public static final RegisterRule UNDEFINED = new RegisterRule(Kind.UNDEFINED, 0, 0, null);
    public static final RegisterRule SAME_VALUE = new RegisterRule(Kind.SAME_VALUE, 0, 0, null);

    public static RegisterRule offset(long n) {
        return new RegisterRule(Kind.OFFSET, n, 0, null);
    }

    public static RegisterRule valOffset(long n) {
        return new RegisterRule(Kind.VAL_OFFSET, n, 0, null);
    }

    public static RegisterRule register(int r) {
        return new RegisterRule(Kind.REGISTER, 0, r, null);
    }

    public static RegisterRule expression(byte[] e, boolean value) {
        return new RegisterRule(value ? Kind.VAL_EXPRESSION : Kind.EXPRESSION, 0, 0, e);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case UNDEFINED -> "u";
            case SAME_VALUE -> "s";
            case OFFSET -> "c" + (offset >= 0 ? "+" : "") + offset;
            case VAL_OFFSET -> "v" + (offset >= 0 ? "+" : "") + offset;
            case REGISTER -> "r" + register;
            case EXPRESSION -> "exp";
            case VAL_EXPRESSION -> "vexp";
        };
    }
}
