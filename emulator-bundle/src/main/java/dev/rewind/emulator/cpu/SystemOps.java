package dev.rewind.emulator.cpu;

import dev.rewind.emulator.isa.Op;

/** Atomics, CSRs and system instructions, off the hot loop of {@link BlockExec} (and of translated code). */
final class SystemOps {

    private SystemOps() {
    }

    /** Atomics, CSRs and system instructions; returns the next pc (or {@code npc} unchanged). */
    static long rare(Interpreter in, Hart h, Block b, int i, int w, long imm, long npc, long idx) {
        final long[] x = h.x;
        final int op = w & 0xFF;
        final int rd = (w >>> 8) & 63;
        final int r1 = (w >>> 16) & 63;
        final int r2 = (w >>> 24) & 63;
        in.bus.idx = (int) idx;
        if (op >= Op.LR_W && op <= Op.AMOMAXU_D) {
            x[rd] = in.bus.amo(h, op, x[r1] & h.xmask, x[r2]);
            return npc;
        }
        long pc = (b.pc + b.offs[i]) & h.xmask;
        switch (op) {
            case Op.CSRRW, Op.CSRRS, Op.CSRRC, Op.CSRRWI, Op.CSRRSI, Op.CSRRCI -> {
                x[rd] = Csrs.execute(h, op, (int) imm, r1, x[r1], b.raw[i], h.retired + i, in.bus.blockTime + idx);
                return npc;
            }
            case Op.ECALL -> throw h.trap.set(h.priv == Hart.PRIV_M ? Trap.ECALL_M : Trap.ECALL_U, 0);
            case Op.EBREAK -> throw h.trap.set(Trap.BREAKPOINT, pc);
            case Op.MRET -> {
                if (h.priv != Hart.PRIV_M) {
                    throw h.trap.set(Trap.ILLEGAL_INSN, b.raw[i]);
                }
                h.mret();
                return h.pc;
            }
            case Op.WFI -> {
                if (h.priv != Hart.PRIV_M && (h.mstatus & Hart.MSTATUS_TW) != 0) {
                    throw h.trap.set(Trap.ILLEGAL_INSN, b.raw[i]);
                }
                if ((h.mip & h.mie) == 0) {
                    h.sleeping = true;
                }
                return npc;
            }
            case Op.FENCE_I -> {
                return npc;
            }
            default -> throw h.trap.set(Trap.ILLEGAL_INSN, op == Op.ILLEGAL ? imm : b.raw[i]);
        }
    }
}
