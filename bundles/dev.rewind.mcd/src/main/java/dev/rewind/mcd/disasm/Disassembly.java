package dev.rewind.mcd.disasm;

/**
 * Rewind extension beside the MCD API: the text of an instruction as the core decodes it ({@code addi a0,a0,1},
 * branch targets as absolute addresses, ABI register names), from {@code core.adapt(Disassembly.class)}.
 */
@FunctionalInterface
public interface Disassembly {
    /** The instruction {@code bits} (the low 16 bits only for a compressed one) at {@code pc}. */
    String disassemble(int bits, long pc);
}
