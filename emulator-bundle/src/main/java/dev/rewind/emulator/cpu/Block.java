package dev.rewind.emulator.cpu;

import dev.rewind.emulator.isa.Op;

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
    /** Last op leaves the chain (CSR, system, trap-raising): the slice loop must look at interrupts. */
    final boolean exits;
    /** What plugins attached at translation time, or null. */
    dev.rewind.emulator.plugin.Probes probes;
    /** One-instruction blocks of this block, made on demand for stepping instrumented blocks in the interpreter. */
    Block[] singles;
    /** Cleared when the block's page is invalidated; chained successors check it. */
    boolean valid = true;
    /** Two cached successors (chaining); validated by pc and {@link #valid} before use. */
    Block s0;
    Block s1;
    /** Times entered in the interpreter (translation heat). */
    int hits;
    /** The translated region this block is in (entered when execution reaches the block), or null. */
    JitCode jit;
    /** The live regions holding this block's code (at most one today): killed when its page is invalidated. */
    java.util.List<JitCode> regions;
    /** Translation was tried and failed: stay interpreted. */
    boolean jitFailed;

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
        int last = n == 0 ? Op.ILLEGAL : code[n - 1] & 0xFF;
        this.exits = switch (last) {
            case Op.JAL, Op.JALR, Op.BEQ, Op.BNE, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU -> false;
            default -> Op.endsBlock(last);
        };
    }

    /**
     * A leaf function: one block of at most 16 instructions ending in a return ({@code jalr x0, 0(ra)}). A region may
     * take a copy of one already translated elsewhere, and an indirect call's leaf callees ({@link IndirectCallees}),
     * so that a call to it and the return stay inside the caller's region. (A method, not a field: region formation
     * asks, and the hot loops keep Block's layout.)
     */
    boolean leaf() {
        int w = code[n - 1];
        return n <= 16 && (w & 0xFF) == Op.JALR && ((w >>> 8) & 63) == 32 && ((w >>> 16) & 63) == 1;
    }

    /**
     * Whether the block ends in an indirect call (a {@code jalr} that links, rd not x0): its callees are known only at
     * run time ({@link IndirectCallees}, {@link ExitHeat}).
     */
    boolean indirectCall() {
        int w = code[n - 1];
        int rd = (w >>> 8) & 63;
        return !exits && (w & 0xFF) == Op.JALR && rd != 32 && rd != 0;
    }

    /** Whether entering this block needs the slice loop (breakpoint check or instrumentation callbacks). */
    boolean special() {
        return breakpoint || probes != null;
    }

    /** Whether the translator may take this block (no breakpoint, no engine-internal block callbacks). */
    boolean translatable() {
        return !breakpoint && (probes == null || !probes.hasLegacy());
    }

    /** Instruction {@code i} alone as a block (same pc, same next pc and link when it is the last). */
    Block single(int i, long xmask) {
        if (singles == null) {
            singles = new Block[n];
        }
        Block s = singles[i];
        if (s == null) {
            long ipc = (pc + offs[i]) & xmask;
            long end = (pc + offs[i + 1]) & xmask;
            long lk = i == n - 1 ? link : xmask == 0xFFFFFFFFL ? (int) end : end;
            s = new Block(ipc, 1, new int[] {code[i]}, new long[] {imm[i]}, new int[] {0, offs[i + 1] - offs[i]},
                    new int[] {raw[i]}, end, lk, false);
            singles[i] = s;
        }
        return s;
    }
}
