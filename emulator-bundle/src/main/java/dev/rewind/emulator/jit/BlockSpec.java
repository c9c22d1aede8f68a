package dev.rewind.emulator.jit;

/**
 * A decoded block as the translator sees it (the cpu package's internal block, same encoding): packed ops
 * {@code op | rd<<8 | rs1<<16 | rs2<<24} with rd 0 mapped to the sink 32, immediates (branch and jump targets
 * and AUIPC results precomputed), pc offsets of each instruction and of the end.
 *
 * @param pc    address of the first instruction
 * @param code  packed ops
 * @param imm   immediates
 * @param offs  {@code offs[i]} = pc of instruction i minus {@code pc}; {@code offs[n]} = length in bytes
 * @param endPc address after the last instruction (masked to xlen)
 * @param link  value written to rd by a JAL/JALR ending the block
 * @param exits whether the last instruction is a CSR/system instruction the interpreter runs ({@code rare})
 * @param probes what plugins attached to the block, or null
 */
public record BlockSpec(long pc, int[] code, long[] imm, int[] offs, long endPc, long link, boolean exits,
        dev.rewind.emulator.plugin.Probes probes) {

    public int length() {
        return code.length;
    }
}
