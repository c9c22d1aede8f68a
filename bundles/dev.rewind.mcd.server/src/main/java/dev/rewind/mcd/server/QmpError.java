package dev.rewind.mcd.server;

/** A protocol-level error answered as {@code {"error":{"class":…,"desc":…}}}. */
final class QmpError extends Exception {
    private static final long serialVersionUID = 1L;

    static final String GENERIC = "GenericError";
    static final String COMMAND_NOT_FOUND = "CommandNotFound";

    private final String errorClass;

    QmpError(String errorClass, String desc) {
        super(desc);
        this.errorClass = errorClass;
    }

    QmpError(String desc) {
        this(GENERIC, desc);
    }

    String errorClass() {
        return errorClass;
    }
}
