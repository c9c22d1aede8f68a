package dev.rewind.emulator.cpu;

import dev.rewind.emulator.isa.Op;
import dev.rewind.emulator.plugin.MemKinds;
import dev.rewind.emulator.plugin.Probes;

/**
 * The interpreter for blocks that plugins instrumented: block-entry probes, then (when instructions carry probes
 * other than inline additions, or a plugin listens to traps) one instruction at a time through {@link BlockExec#exec}
 * on one-instruction blocks, with the instruction probes before each and the memory probes after each access that
 * did not trap. Leaves where {@code exec} would leave its
 * chain (trap, cut, system instruction) and at the end of the block, so the slice loop looks at the next block,
 * which may be instrumented too. Execution is exactly that of {@code exec}; translated code fires the same probes
 * in the same order. A block whose instructions carry inline additions only runs whole ({@link BlockExec#exec}, once
 * per block and not once per instruction, which also keeps that method's profile and compilation as without plugins),
 * and the additions of the instructions it ran follow.
 */
final class ProbedExec {
    private ProbedExec() {
    }

    /** Runs block {@code b} (probes {@code p}) for at most {@code budget} slots; {@code t0}: slots used before. */
    static long run(Interpreter in, Hart h, Block b, Probes p, long budget, long t0) {
        long base = in.bus.blockTime;
        p.enter(h.id, base + t0);
        if (!p.stepped()) {
            return BlockExec.exec(in, h, b, budget, t0);
        }
        if (p.inlineOnly() && !in.host.traps) {
            // this block alone (its successors are the slice loop's); every slot it used is an instruction that ran or
            // trapped, whose additions the stepped loop below would have made before it
            long used = BlockExec.exec(in, h, b, Math.min(budget, b.n), t0);
            p.insnAdds((int) used, h.id);
            return used;
        }
        final long am = h.xmask;
        final long[] x = h.x;
        long used = 0;
        int lim = (int) Math.min(b.n, budget);
        for (int i = 0; i < lim; i++) {
            long time = base + t0 + used;
            p.insn(i, h.id, time, true);
            int w = b.code[i];
            int op = w & 0xFF;
            int rd = (w >>> 8) & 63;
            int r1 = (w >>> 16) & 63;
            int r2 = (w >>> 24) & 63;
            boolean mem = p.hasMem(i);
            boolean atomic = op >= Op.LR_W && op <= Op.AMOMAXU_D;
            long addr = atomic ? x[r1] & am : (x[r1] + b.imm[i]) & am;
            long src = x[r2];
            long retired = h.retired;
            Block s = b.single(i, am);
            used += BlockExec.exec(in, h, s, 1, t0 + used);
            if (h.retired == retired) {
                return used;
            }
            if (mem) {
                boolean stores = op == Op.SC_W || op == Op.SC_D || (MemKinds.kind(op) & 3) == 2;
                p.mem(i, h.id, time, addr, stores ? src : x[rd]);
            }
            if (in.bus.cut || s.exits || h.sleeping) {
                return used;
            }
        }
        return used;
    }
}
