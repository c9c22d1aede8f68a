package dev.rewind.emulator.cpu;

/**
 * A decoded straight-line block: packed ops ({@code op | rd<<8 | rs1<<16 | rs2<<24}, rd 0 mapped to the
 * sink register 32), immediates (branch/jump targets and AUIPC results precomputed), pc offsets and raw
 * bits. Only the last instruction may transfer control. Immutable once built, except for instrumentation
 * callbacks attached at translation time.
 */
final class Block {
    final long pc;
    final int n;
    final int[] code;
    final long[] imm;
    final int[] offs;
    final int[] raw;
    final long endPc;
    /** Link value for JAL/JALR ending the block (pc of the next instruction, sign-extended on RV32). */
    final long link;
    final boolean breakpoint;
    BlockExecCallback[] callbacks;

    Block(long pc, int n, int[] code, long[] imm, int[] offs, int[] raw, long endPc, long link, boolean breakpoint) {
        this.pc = pc;
        this.n = n;
        this.code = code;
        this.imm = imm;
        this.offs = offs;
        this.raw = raw;
        this.endPc = endPc;
        this.link = link;
        this.breakpoint = breakpoint;
    }
}
