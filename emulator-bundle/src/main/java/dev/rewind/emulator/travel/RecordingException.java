package dev.rewind.emulator.travel;

/** A recording cannot be read, is corrupt, or does not fit the program; the message says which and why. */
public final class RecordingException extends Exception {
    private static final long serialVersionUID = 1L;

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
