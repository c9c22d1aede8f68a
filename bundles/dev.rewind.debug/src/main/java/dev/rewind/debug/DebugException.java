package dev.rewind.debug;

/**
 * A request failed; the message says why for a person, the cause (e.g. an {@code McdException}) is kept.
 * Futures of the services complete exceptionally with this (wrapped in a {@code CompletionException}).
 */
public class DebugException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DebugException(String message) {
        super(message);
    }

    public DebugException(String message, Throwable cause) {
        super(message, cause);
    }
}
