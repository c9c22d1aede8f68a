package dev.rewind.emulator.cpu;

import java.util.Arrays;

/**
 * Callees of indirect calls in regions ({@link JitControl}'s region formation): a region takes the leaf functions its
 * indirect calls jumped to before it was formed. Only which code runs changes, never what the guest sees. (Translating
 * a region again when its call meets a new leaf later was measured: work-calls +14..+23%, work-mix-rv32 -4..-26%; not
 * kept, see /work/notes/calls-status8.md.)
 */
final class IndirectCallees {
    private IndirectCallees() {
    }

    /** Indirect calls' leaf callees join the caller's region ({@code -Drewind.jit.callees=false}: experiments). */
    static final boolean CALLEES = !"false".equals(System.getProperty("rewind.jit.callees"));

    /**
     * An indirect call's return site and the leaf functions the interpreter's chain saw it jump to ({@link Block#s0},
     * {@link Block#s1}): a call through a function pointer to a small function then stays in the caller's region, call
     * and return both dispatched there; other targets still leave. Only leaves: a larger callee (CoreMark's cmp_idx)
     * made its caller's region too large, which was then cut in halves (measured -3..-5% on CoreMark).
     */
    static long[] successors(Block b) {
        long[] out = {b.endPc, 0, 0};
        int k = 1;
        for (Block c : CALLEES ? new Block[] {b.s0, b.s1} : new Block[0]) {
            if (c != null && c.valid && c.leaf()) {
                out[k++] = c.pc;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
