package dev.rewind.emulator.cpu;

import static dev.rewind.emulator.mem.PhysicalMemory.I16;
import static dev.rewind.emulator.mem.PhysicalMemory.I32;
import static dev.rewind.emulator.mem.PhysicalMemory.I64;

import dev.rewind.emulator.isa.Op;
import dev.rewind.emulator.mem.PhysicalMemory;

/**
 * The interpreter's hot loop over decoded blocks ({@link Interpreter#runSlice} calls it for blocks it does not run
 * translated): locals, a switch on a small int op, registers in a {@code long[]}, RAM through the flat array and tag tables of
 * {@link PhysicalMemory} with little-endian VarHandles; atomics, CSRs and system instructions go to
 * {@link SystemOps}. Static methods taking the interpreter as their first argument: the same calls and field loads
 * as instance methods, no extra indirection.
 */
final class BlockExec {

    private BlockExec() {
    }

    /**
     * The index in {@code ram} of a fast-path access of {@code len} bytes at RAM offset {@code off}, or -1 for the slow
     * path (see {@link PhysicalMemory}'s tag tables).
     */
    private static int ramIndex(int[] tags, long off, int len) {
        long p = off >>> PhysicalMemory.PAGE_BITS;
        return p < tags.length && tags[(int) p] == (int) ((off + len - 1) >>> PhysicalMemory.PAGE_BITS) ? (int) off : -1;
    }

    private static long slowLoad(Interpreter in, Hart h, long a, int len, long idx) {
        in.bus.idx = (int) idx;
        return in.bus.load(h, a, len);
    }

    private static void slowStore(Interpreter in, Hart h, long a, int len, long v, long idx) {
        in.bus.idx = (int) idx;
        in.bus.store(h, a, len, v);
    }


    /**
     * Executes {@code b} and then chained successor blocks, up to {@code budget} slots; returns the slots
     * used. Leaves the chain after blocks that end in CSR/system instructions, before blocks that need the
     * slice loop (breakpoints, callbacks), on traps and when the bus asks for attention.
     *
     * @param t0 slots already used in this slice before {@code b} (for device time)
     */
    static long exec(Interpreter in, Hart h, Block b, long budget, long t0) {
        final long[] x = h.x;
        final long am = h.xmask;
        final boolean guarded = h.guarded();
        final int[] lt = guarded ? in.noTags : in.lt;
        final int[] st = guarded ? in.noTags : in.st;
        in.mem.settle(); // pages written past the array join it now: it does not change during the chain
        final byte[] ram = in.mem.ram;
        final long base = in.base;
        final boolean jitOn = in.jit.enabled;
        final int hot = in.jit.threshold;
        long used = 0;
        while (true) {
        final int[] ops = b.code;
        final long[] imms = b.imm;
        final int lim = (int) Math.min(b.n, budget - used);
        final long at = t0 + used;
        long npc = b.endPc;
        int i = 0;
        try {
            loop:
            for (; i < lim; i++) {
                final int w = ops[i];
                final long imm = imms[i];
                final int rd = (w >>> 8) & 63;
                final int r1 = (w >>> 16) & 63;
                final int r2 = (w >>> 24) & 63;
                switch (w & 0xFF) {
                    case Op.LUI, Op.AUIPC -> x[rd] = imm;
                    case Op.ADDI -> x[rd] = x[r1] + imm;
                    case Op.ADDIW -> x[rd] = (int) (x[r1] + imm);
                    case Op.SLTI -> x[rd] = x[r1] < imm ? 1 : 0;
                    case Op.SLTIU -> x[rd] = Long.compareUnsigned(x[r1], imm) < 0 ? 1 : 0;
                    case Op.XORI -> x[rd] = x[r1] ^ imm;
                    case Op.ORI -> x[rd] = x[r1] | imm;
                    case Op.ANDI -> x[rd] = x[r1] & imm;
                    case Op.SLLI -> x[rd] = x[r1] << imm;
                    case Op.SRLI -> x[rd] = x[r1] >>> imm;
                    case Op.SRAI -> x[rd] = x[r1] >> imm;
                    case Op.SLLIW -> x[rd] = (int) x[r1] << imm;
                    case Op.SRLIW -> x[rd] = (int) x[r1] >>> imm;
                    case Op.SRAIW -> x[rd] = (int) x[r1] >> imm;
                    case Op.ADD -> x[rd] = x[r1] + x[r2];
                    case Op.SUB -> x[rd] = x[r1] - x[r2];
                    case Op.SLL -> x[rd] = x[r1] << x[r2];
                    case Op.SRL -> x[rd] = x[r1] >>> x[r2];
                    case Op.SRA -> x[rd] = x[r1] >> x[r2];
                    case Op.SLT -> x[rd] = x[r1] < x[r2] ? 1 : 0;
                    case Op.SLTU -> x[rd] = Long.compareUnsigned(x[r1], x[r2]) < 0 ? 1 : 0;
                    case Op.XOR -> x[rd] = x[r1] ^ x[r2];
                    case Op.OR -> x[rd] = x[r1] | x[r2];
                    case Op.AND -> x[rd] = x[r1] & x[r2];
                    case Op.ADDW -> x[rd] = (int) (x[r1] + x[r2]);
                    case Op.SUBW -> x[rd] = (int) (x[r1] - x[r2]);
                    case Op.SLLW -> x[rd] = (int) x[r1] << (int) x[r2];
                    case Op.SRLW -> x[rd] = (int) x[r1] >>> (int) x[r2];
                    case Op.SRAW -> x[rd] = (int) x[r1] >> (int) x[r2];
                    case Op.MUL -> x[rd] = x[r1] * x[r2];
                    case Op.MULW -> x[rd] = (int) (x[r1] * x[r2]);
                    case Op.MULH -> x[rd] = Math.multiplyHigh(x[r1], x[r2]);
                    case Op.MULHU -> x[rd] = Math.unsignedMultiplyHigh(x[r1], x[r2]);
                    case Op.MULHSU -> x[rd] = Math.multiplyHigh(x[r1], x[r2]) + (x[r2] < 0 ? x[r1] : 0);
                    case Op.MULH32 -> x[rd] = (int) ((x[r1] * x[r2]) >> 32);
                    case Op.MULHU32 -> x[rd] = (int) (((x[r1] & 0xFFFFFFFFL) * (x[r2] & 0xFFFFFFFFL)) >>> 32);
                    case Op.MULHSU32 -> x[rd] = (int) ((x[r1] * (x[r2] & 0xFFFFFFFFL)) >> 32);
                    case Op.DIV, Op.DIVU, Op.REM, Op.REMU, Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW ->
                            x[rd] = Alu.divide(w & 0xFF, x[r1], x[r2]);
                    case Op.JAL -> {
                        x[rd] = b.link;
                        npc = imm;
                    }
                    case Op.JALR -> {
                        npc = (x[r1] + imm) & ~1L & am;
                        x[rd] = b.link;
                    }
                    case Op.BEQ -> npc = x[r1] == x[r2] ? imm : npc;
                    case Op.BNE -> npc = x[r1] != x[r2] ? imm : npc;
                    case Op.BLT -> npc = x[r1] < x[r2] ? imm : npc;
                    case Op.BGE -> npc = x[r1] >= x[r2] ? imm : npc;
                    case Op.BLTU -> npc = Long.compareUnsigned(x[r1], x[r2]) < 0 ? imm : npc;
                    case Op.BGEU -> npc = Long.compareUnsigned(x[r1], x[r2]) >= 0 ? imm : npc;
                    case Op.LB, Op.LBU -> {
                        long a = (x[r1] + imm) & am;
                        int o = ramIndex(lt, a - base, 1);
                        long v = o >= 0 ? ram[o] : slowLoad(in, h, a, 1, at + i);
                        x[rd] = (w & 0xFF) == Op.LB ? (byte) v : v & 0xFF;
                        if (o < 0 && in.bus.cut) {
                            i++;
                            break loop;
                        }
                    }
                    case Op.LH, Op.LHU -> {
                        long a = (x[r1] + imm) & am;
                        int o = ramIndex(lt, a - base, 2);
                        long v = o >= 0 ? (short) I16.get(ram, o) : slowLoad(in, h, a, 2, at + i);
                        x[rd] = (w & 0xFF) == Op.LH ? (short) v : v & 0xFFFF;
                        if (o < 0 && in.bus.cut) {
                            i++;
                            break loop;
                        }
                    }
                    case Op.LW, Op.LWU -> {
                        long a = (x[r1] + imm) & am;
                        int o = ramIndex(lt, a - base, 4);
                        long v = o >= 0 ? (int) I32.get(ram, o) : slowLoad(in, h, a, 4, at + i);
                        x[rd] = (w & 0xFF) == Op.LW ? (int) v : v & 0xFFFFFFFFL;
                        if (o < 0 && in.bus.cut) {
                            i++;
                            break loop;
                        }
                    }
                    case Op.LD -> {
                        long a = (x[r1] + imm) & am;
                        int o = ramIndex(lt, a - base, 8);
                        x[rd] = o >= 0 ? (long) I64.get(ram, o) : slowLoad(in, h, a, 8, at + i);
                        if (o < 0 && in.bus.cut) {
                            i++;
                            break loop;
                        }
                    }
                    case Op.SB, Op.SH, Op.SW, Op.SD -> {
                        long a = (x[r1] + imm) & am;
                        int op = w & 0xFF;
                        int len = 1 << (op - Op.SB);
                        int o = ramIndex(st, a - base, len);
                        if (o >= 0) {
                            long v = x[r2];
                            switch (op) {
                                case Op.SB -> ram[o] = (byte) v;
                                case Op.SH -> I16.set(ram, o, (short) v);
                                case Op.SW -> I32.set(ram, o, (int) v);
                                default -> I64.set(ram, o, v);
                            }
                        } else {
                            slowStore(in, h, a, len, x[r2], at + i);
                            if (in.bus.cut) {
                                i++;
                                break loop;
                            }
                        }
                    }
                    case Op.FENCE -> {
                    }
                    default -> {
                        npc = SystemOps.rare(in, h, b, i, w, imm, npc, at + i);
                        if (in.bus.cut) {
                            i++;
                            break loop;
                        }
                    }
                }
            }
        } catch (Trap t) {
            long epc = (b.pc + b.offs[i]) & am;
            h.retired += i;
            h.cycles += i + 1;
            h.enterTrap(t.cause, t.tval, false, epc);
            x[32] = 0;
            if (in.host.traps) {
                in.host.trap(h.id, in.bus.blockTime + at + i, t.cause, false, epc, t.tval & am);
            }
            return used + i + 1;
        }
        h.retired += i;
        h.cycles += i;
        used += i;
        if (i < b.n) {
            h.pc = (b.pc + b.offs[i]) & am;
            return used;
        }
        h.pc = npc;
        if (b.exits || in.bus.cut || used >= budget || guarded) {
            return used;
        }
        Block nb = b.s0;
        if (nb == null || nb.pc != npc || !nb.valid) {
            nb = b.s1;
            if (nb == null || nb.pc != npc || !nb.valid) {
                nb = in.code.lookup(npc);
                if (nb == null) {
                    return used;
                }
                if (b.s0 == null || !b.s0.valid) {
                    b.s0 = nb;
                } else {
                    b.s1 = nb;
                }
            }
        }
        if (nb.special() || jitOn && (nb.jit != null || !nb.jitFailed && nb.hits++ >= hot)) {
            return used;
        }
        b = nb;
        }
    }
}
