package dev.rewind.emulator.cpu;

import dev.rewind.emulator.isa.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Callees of indirect calls in regions. A region takes the leaf functions its indirect calls jumped to before it was
 * formed ({@link #successors}: the interpreter chain's cached successors); a function pointer that takes a new leaf
 * later (a sort called with another comparison) would leave the region at every
 * call and return. When the slice loop enters a leaf function right after a region left at one of its indirect calls
 * to that leaf, the leaf becomes the call's second cached target and the region is translated again with the leaf
 * added (its own blocks and copies as before), at most {@link #MAX_REFORMS} times per region head and only when the
 * larger method fits whole. Only which code runs changes, never what the guest sees.
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
            if (c != null && c.valid && c.leaf) {
                out[k++] = c.pc;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** How often a region headed at one block is translated again for new callees ({@code -Drewind.jit.reforms}). */
    static final int MAX_REFORMS = Integer.getInteger("rewind.jit.reforms", 2);

    /**
     * The slice loop is about to enter leaf {@code callee} (registers {@code x}) right after region r left: when r left
     * at an indirect call of its own to it ({@code jalr rd, imm(rs1)} whose link is in rd and whose target is the leaf),
     * r is replaced by a translation that holds the leaf too.
     */
    static void seen(JitControl jit, JitCode r, Block callee, long[] x, int xlen) {
        Block head = r.blocks[0];
        if (!CALLEES || head.reforms >= MAX_REFORMS || !callee.translatable()) {
            return;
        }
        long mask = xlen == 32 ? 0xFFFFFFFFL : -1L;
        for (Block m : r.blocks) {
            int w = m.code[m.n - 1];
            int rd = (w >>> 8) & 63;
            int rs1 = (w >>> 16) & 31;
            if ((w & 0xFF) != Op.JALR || rd == 32 || rd == rs1 || m.jit != r || x[rd] != m.link
                    || ((x[rs1] + m.imm[m.n - 1]) & -2L & mask) != callee.pc) {
                continue;
            }
            if (m.s0 == callee || m.s1 == callee) {
                return; // known, yet not in r (no room when r was formed)
            }
            List<Block> region = new ArrayList<>(Arrays.asList(r.blocks));
            region.add(callee);
            head.reforms++;
            if (!jit.fits(region)) {
                return;
            }
            if (m.s0 == null || !m.s0.valid) {
                m.s0 = callee;
            } else {
                m.s1 = callee;
            }
            r.kill();
            jit.compile(head, region);
            return;
        }
    }
}
