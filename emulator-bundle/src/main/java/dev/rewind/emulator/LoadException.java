package dev.rewind.emulator;

/** An ELF image does not fit this machine (wrong xlen, segment outside RAM). */
public final class LoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoadException(String message) {
        super(message);
    }
}
