package dev.rewind.launcher;

/** The runtime could not be started or driven; the message says why, for the user. */
final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
