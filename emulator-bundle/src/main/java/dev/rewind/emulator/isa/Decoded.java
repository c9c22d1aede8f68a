package dev.rewind.emulator.isa;

/**
 * A decoded instruction: its table row ({@code null} when illegal), raw bits, length, the operands of
 * the 32-bit form it stands for, and the xlen-specialised op the interpreter executes.
 */
public record Decoded(InsnSpec spec, int bits, int length, int op, int rd, int rs1, int rs2, long imm) {

    public boolean illegal() {
        return spec == null;
    }
}
