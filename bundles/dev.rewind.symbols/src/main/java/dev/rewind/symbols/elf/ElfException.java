package dev.rewind.symbols.elf;

/** The bytes are not a well-formed little-endian RISC-V ELF file (the message says what and where). */
public final class ElfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ElfException(String message) {
        super(message);
    }

    public ElfException(String message, Throwable cause) {
        super(message, cause);
    }
}
