package dev.rewind.symbols.dwarf;

/** Malformed or unsupported DWARF data; the message names the section and the offset. */
public final class DwarfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DwarfException(String message) {
        super(message);
    }

    public DwarfException(String message, Throwable cause) {
        super(message, cause);
    }
}
