package dev.rewind.symbols;

/**
 * What unwinding and variable reading need from a stopped hart. Implementations adapt a debug session (or a test's
 * machine); they are used from one thread at a time.
 */
public interface TargetAccess {

    /** 32 or 64. */
    int xlen();

    /**
     * A general-purpose register by DWARF number: x0..x31 are 0..31 (x0 reads 0). Floating-point registers
     * f0..f31 are 32..63 where the target has them.
     *
     * @throws AccessException if the register cannot be read
     */
    long register(int dwarfRegister) throws AccessException;

    /**
     * The DWARF number of the general-purpose register called {@code name}, or -1. This default knows only
     * {@code x0}..{@code x31}; targets backed by a machine answer the ABI names from its register map (the
     * project keeps one register-name table, in the engine, which this bundle does not depend on).
     */
    default int registerNumber(String name) {
        if (name.length() >= 2 && name.length() <= 3 && name.charAt(0) == 'x'
                && name.chars().skip(1).allMatch(Character::isDigit)) {
            int n = Integer.parseInt(name.substring(1));
            return n <= 31 && (n == 0 || name.charAt(1) != '0') ? n : -1;
        }
        return -1;
    }

    /** The program counter (not a DWARF register). */
    long pc() throws AccessException;

    /**
     * {@code length} bytes of memory at {@code address}.
     *
     * @throws AccessException naming the address when any byte cannot be read
     */
    byte[] memory(long address, int length) throws AccessException;

    /** A register or memory read that failed. */
    final class AccessException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long address;

        public AccessException(long address, String message) {
            super(message);
            this.address = address;
        }

        public AccessException(long address, String message, Throwable cause) {
            super(message, cause);
            this.address = address;
        }

        /** The memory address (or register number) the access was for. */
        public long address() {
            return address;
        }
    }
}
