package dev.rewind.debug;

/**
 * A register of a hart, from the project's one register table ({@code dev.rewind.emulator.isa.Names}):
 * numbered as GDB numbers RISC-V registers (x0..x31 = 0..31, pc = 32, CSR n = 65 + n).
 *
 * @param number GDB register number
 * @param name   canonical name: ABI names for x registers ({@code s0} for x8), {@code pc}, CSR names
 * @param kind   which group it belongs to
 * @param bits   width (XLEN)
 */
public record Register(int number, String name, Kind kind, int bits) {

    public static final int PC = 32;
    public static final int CSR_BASE = 65;

    /** Register groups. */
    public enum Kind {
        GENERAL, PC, CSR
    }

    /** The CSR number for a CSR, -1 otherwise. */
    public int csr() {
        return kind == Kind.CSR ? number - CSR_BASE : -1;
    }
}
