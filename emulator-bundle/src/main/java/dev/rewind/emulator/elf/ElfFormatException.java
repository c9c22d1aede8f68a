package dev.rewind.emulator.elf;

/** The bytes given to {@link ElfLoader#parse(byte[])} are not a RISC-V ELF executable this machine can load. */
public final class ElfFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ElfFormatException(String message) {
        super(message);
    }
}
