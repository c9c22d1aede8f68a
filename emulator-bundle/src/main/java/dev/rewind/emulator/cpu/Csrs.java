package dev.rewind.emulator.cpu;

import dev.rewind.emulator.isa.Op;

/**
 * Zicsr semantics and the machine-mode CSR file (M and U modes, no S mode). Implemented CSRs:
 * mstatus (MIE, MPIE, MPP∈{U,M}, MPRV, TW writable; RV64 UXL=2 read-only), mstatush (RV32, zero), misa
 * (read-only value, writes ignored), mie (MSIE/MTIE/MEIE), mip (device-driven, writes ignored), mtvec
 * (direct/vectored), mepc, mcause, mtval, mscratch, mcounteren, menvcfg (FIOM writable, the rest zero), menvcfgh
 * (zero), mcountinhibit (CY and IR stop mcycle/minstret; see Counters),
 * mvendorid/marchid/mimpid/mconfigptr (zero), mhartid, mcycle/minstret(h), mhpmcounter/mhpmevent (zero),
 * PMP (pmpcfg0..3, pmpaddr0..15: {@link Pmp}), the trigger module (tselect, tdata1..3, tinfo: {@link Triggers}),
 * and the user counters cycle/time/instret/hpmcounter(h) gated by
 * mcounteren. medeleg/mideleg do not exist (no S mode). Any other number, an access below the CSR's
 * privilege, a write to a read-only CSR, or an RV32-only CSR on RV64 is an illegal instruction.
 */
public final class Csrs {
    private Csrs() {
    }

    static final long MSTATUS_WRITABLE = Hart.MSTATUS_MIE | Hart.MSTATUS_MPIE | Hart.MSTATUS_MPP
            | Hart.MSTATUS_MPRV | Hart.MSTATUS_TW;

    /**
     * Executes a CSR instruction and returns the value for rd (sign-extended for RV32).
     *
     * @param retiredNow instructions this hart retired before this one
     * @param time       global virtual time at this instruction
     */
    static long execute(Hart h, int op, int csr, int rs1, long src, int bits, long retiredNow, long time) {
        boolean imm = op == Op.CSRRWI || op == Op.CSRRSI || op == Op.CSRRCI;
        long operand = imm ? rs1 : src;
        boolean writes = op == Op.CSRRW || op == Op.CSRRWI || rs1 != 0;
        if (h.priv < ((csr >>> 8) & 3) || (writes && (csr >>> 10) == 3)) {
            throw h.trap.set(Trap.ILLEGAL_INSN, bits);
        }
        long old = read(h, csr, bits, retiredNow, time);
        if (writes) {
            long nv = switch (op) {
                case Op.CSRRW, Op.CSRRWI -> operand;
                case Op.CSRRS, Op.CSRRSI -> old | operand;
                default -> old & ~operand;
            };
            write(h, csr, nv & h.xmask, retiredNow);
        }
        return h.xlen == 32 ? (int) old : old;
    }

    /** Reads a CSR as the hart at {@code h.priv} would (throws an illegal-instruction trap when absent). */
    static long read(Hart h, int csr, int bits, long retiredNow, long time) {
        boolean rv32 = h.xlen == 32;
        long cycles = Counters.cycle(h, retiredNow);
        long instret = Counters.instret(h, retiredNow);
        if (csr >= 0xC00 && csr <= 0xC1F || rv32 && csr >= 0xC80 && csr <= 0xC9F) {
            int idx = csr & 0x1F;
            if (h.priv == Hart.PRIV_U && (h.mcounteren & (1L << idx)) == 0) {
                throw h.trap.set(Trap.ILLEGAL_INSN, bits);
            }
            long v = idx == 0 ? cycles : idx == 1 ? time : idx == 2 ? instret : 0;
            return csr >= 0xC80 ? v >>> 32 : v & h.xmask;
        }
        if (csr >= 0xB03 && csr <= 0xB1F || rv32 && csr >= 0xB83 && csr <= 0xB9F
                || csr >= 0x323 && csr <= 0x33F) {
            return 0;
        }
        if (csr >= 0x3A0 && csr <= 0x3EF && h.pmp.exists(csr)) {
            return h.pmp.read(csr);
        }
        if (csr >= 0x7A0 && csr <= 0x7A4) {
            return h.triggers.read(csr);
        }
        return switch (csr) {
            case 0x300 -> h.mstatus;
            case 0x301 -> misa(h.xlen);
            case 0x304 -> h.mie;
            case 0x305 -> h.mtvec;
            case 0x306 -> h.mcounteren;
            case 0x30A -> h.menvcfg;
            case 0x320 -> h.mcountinhibit;
            case 0x340 -> h.mscratch;
            case 0x341 -> h.mepc;
            case 0x342 -> h.mcause;
            case 0x343 -> h.mtval;
            case 0x344 -> h.mip;
            case 0xF11, 0xF12, 0xF13, 0xF15 -> 0;
            case 0xF14 -> h.id;
            case 0xB00 -> cycles & h.xmask;
            case 0xB02 -> instret & h.xmask;
            default -> {
                if (rv32) {
                    yield switch (csr) {
                        case 0x310, 0x31A -> 0;
                        case 0xB80 -> cycles >>> 32;
                        case 0xB82 -> instret >>> 32;
                        default -> throw h.trap.set(Trap.ILLEGAL_INSN, bits);
                    };
                }
                throw h.trap.set(Trap.ILLEGAL_INSN, bits);
            }
        };
    }

    private static void write(Hart h, int csr, long v, long retiredNow) {
        long cyc = Counters.cycle(h, retiredNow);
        long ins = Counters.instret(h, retiredNow);
        switch (csr) {
            case 0x300 -> {
                long mpp = (v >>> 11) & 3;
                if (mpp == 1 || mpp == 2) {
                    v = (v & ~Hart.MSTATUS_MPP) | (h.mstatus & Hart.MSTATUS_MPP);
                }
                h.mstatus = (h.mstatus & ~MSTATUS_WRITABLE) | (v & MSTATUS_WRITABLE);
            }
            case 0x304 -> h.mie = v & 0x888;
            case 0x305 -> h.mtvec = (v & ~3L) | (v & 1);
            case 0x306 -> h.mcounteren = v & 0xFFFFFFFFL;
            case 0x30A -> h.menvcfg = v & 1; // FIOM; the other fields belong to extensions Rewind lacks
            case 0x340 -> h.mscratch = v;
            case 0x341 -> h.mepc = v & ~1L;
            case 0x342 -> h.mcause = v;
            case 0x343 -> h.mtval = v;
            case 0x320 -> Counters.setInhibit(h, retiredNow, v);
            case 0xB00 -> Counters.setCycle(h, retiredNow, h.xlen == 32 ? (cyc & ~0xFFFFFFFFL) | v : v);
            case 0xB80 -> Counters.setCycle(h, retiredNow, (v << 32) | (cyc & 0xFFFFFFFFL));
            case 0xB02 -> Counters.setInstret(h, retiredNow, h.xlen == 32 ? (ins & ~0xFFFFFFFFL) | v : v);
            case 0xB82 -> Counters.setInstret(h, retiredNow, (v << 32) | (ins & 0xFFFFFFFFL));
            default -> {
                if (csr >= 0x3A0 && csr <= 0x3EF) {
                    h.pmp.write(csr, v);
                } else if (csr >= 0x7A0 && csr <= 0x7A4) {
                    h.triggers.write(csr, v);
                }
                // mip (device-driven), misa (fixed), hardwired-zero CSRs: writes are ignored (WARL)
            }
        }
    }


    /** Debugger read of a CSR (any privilege); {@link IllegalArgumentException} when it does not exist. */
    public static long debugRead(Hart h, int csr, long time) {
        int priv = h.priv;
        h.priv = Hart.PRIV_M;
        try {
            return read(h, csr, 0, h.retired, time);
        } catch (Trap t) {
            throw new IllegalArgumentException("no such CSR: 0x" + Integer.toHexString(csr));
        } finally {
            h.priv = priv;
        }
    }

    /** Debugger write of a CSR (read-only ones included are refused); {@link IllegalArgumentException} when absent. */
    public static void debugWrite(Hart h, int csr, long value, long time) {
        debugRead(h, csr, time);
        if ((csr >>> 10) == 3) {
            throw new IllegalArgumentException("read-only CSR: 0x" + Integer.toHexString(csr));
        }
        write(h, csr, value & h.xmask, h.retired);
    }

    /** The misa value: MXL plus I, M, A, C, U. */
    public static long misa(int xlen) {
        long ext = (1 << 0) | (1 << 2) | (1 << 8) | (1 << 12) | (1 << 20);
        return (xlen == 32 ? 1L << 30 : 2L << 62) | ext;
    }
}
