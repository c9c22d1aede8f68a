package dev.rewind.symbols.info;

/** A value that cannot be read or written: optimized out, memory not accessible, a bad location. */
public final class ValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ValueException(String message) {
        super(message);
    }

    public ValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
