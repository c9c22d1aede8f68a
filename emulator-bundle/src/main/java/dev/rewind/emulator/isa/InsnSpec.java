package dev.rewind.emulator.isa;

/**
 * One row of the instruction table.
 *
 * @param name     assembly mnemonic ({@code c.} prefix for compressed forms)
 * @param match    bits that must be set under {@code mask}
 * @param mask     bits that identify the instruction
 * @param excludes pairs (mask, value): encodings with {@code (enc & mask) == value} are not this
 *                 instruction (the spec's "rd≠0", "nzimm≠0" conditions)
 * @param xlens    bit set: 1 = exists in RV32, 2 = exists in RV64
 * @param format   operand layout and syntax
 * @param op       semantic op ({@link Op}); compressed rows name the op of their 32-bit expansion
 */
public record InsnSpec(String name, int match, int mask, int[] excludes, int xlens, Format format, int op) {

    public static final int RV32 = 1;
    public static final int RV64 = 2;
    public static final int BOTH = 3;

    /** Encoding length in bytes: 2 for compressed rows, 4 otherwise. */
    public int length() {
        return (match & 3) == 3 ? 4 : 2;
    }

    public boolean compressed() {
        return length() == 2;
    }

    /** Whether this row exists for a hart of the given xlen (32 or 64). */
    public boolean existsIn(int xlen) {
        return (xlens & (xlen == 32 ? RV32 : RV64)) != 0;
    }

    /** Whether {@code bits} is an encoding of this row (mask/match and no exclusion). */
    public boolean matches(int bits) {
        if ((bits & mask) != match) {
            return false;
        }
        for (int i = 0; i < excludes.length; i += 2) {
            if ((bits & excludes[i]) == excludes[i + 1]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
