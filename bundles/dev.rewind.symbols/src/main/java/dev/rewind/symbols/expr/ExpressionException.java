package dev.rewind.symbols.expr;

/** An expression that cannot be parsed or evaluated; the message says why, for the user. */
public final class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExpressionException(String message) {
        super(message);
    }

    public ExpressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
