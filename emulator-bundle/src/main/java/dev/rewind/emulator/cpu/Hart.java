package dev.rewind.emulator.cpu;

import java.util.Arrays;

/**
 * Architectural state of one hart: x registers (RV32 values kept sign-extended; {@code x[32]} is the
 * write sink for x0), pc (zero-extended), privilege, machine-mode CSRs, counters, LR reservation and the
 * WFI sleep flag. Everything here is plain data that {@link #copyTo(Hart)} captures.
 */
public final class Hart {

    public static final int PRIV_U = 0;
    public static final int PRIV_M = 3;
    public static final long MSTATUS_MIE = 1L << 3, MSTATUS_MPIE = 1L << 7, MSTATUS_MPP = 3L << 11,
            MSTATUS_MPRV = 1L << 17, MSTATUS_TW = 1L << 21;

    final int id;
    final int xlen;
    final long xmask;
    public final long[] x = new long[64];
    long pc;
    int priv = PRIV_M;
    long mstatus, mtvec, mepc, mcause, mtval, mie, mip, mscratch, mcounteren, menvcfg;
    long retired;
    long cycles;
    long instretDelta, cycleDelta;
    /** mcountinhibit (CY, IR) and the values of the stopped counters (see Counters). */
    long mcountinhibit, frozenCycles, frozenInstret;
    long resAddr = -1;
    int resLen;
    boolean sleeping;
    final Trap trap = new Trap();
    /** Physical memory protection and the guest's trigger module (debug spec Sdtrig). */
    final Pmp pmp;
    final Triggers triggers;

    public Hart(int id, int xlen) {
        this.id = id;
        this.xlen = xlen;
        this.xmask = xlen == 32 ? 0xFFFFFFFFL : -1L;
        this.pmp = new Pmp(xlen);
        this.triggers = new Triggers(xlen);
        reset(0);
    }

    /** Resets to the power-on state with {@code pc}. */
    public void reset(long pc) {
        Arrays.fill(x, 0);
        this.pc = pc & xmask;
        priv = PRIV_M;
        mstatus = xlen == 64 ? 2L << 32 : 0;
        mtvec = mepc = mcause = mtval = mie = mip = mscratch = mcounteren = menvcfg = 0;
        retired = cycles = instretDelta = cycleDelta = 0;
        mcountinhibit = frozenCycles = frozenInstret = 0;
        resAddr = -1;
        resLen = 0;
        sleeping = false;
        pmp.reset();
        triggers.reset();
    }

    /**
     * Whether PMP or a guest trigger may act on this hart's next instructions in its present mode (fetch in
     * {@link #priv}, data in {@link #dataPriv()}): it then runs on the checked path ({@link GuestChecks}).
     */
    boolean guarded() {
        int modes = pmp.restricts | triggers.armed;
        if (modes == 0) {
            return false;
        }
        return (modes & (1 << priv | 1 << dataPriv())) != 0;
    }

    /** The privilege loads and stores are checked in: MPP while mstatus.MPRV is set in M-mode. */
    int dataPriv() {
        return priv == PRIV_M && (mstatus & MSTATUS_MPRV) != 0 ? (int) ((mstatus >>> 11) & 3) : priv;
    }

    public int id() {
        return id;
    }

    public int xlen() {
        return xlen;
    }

    public long pc() {
        return pc;
    }

    public void setPc(long pc) {
        this.pc = pc & xmask & ~1L;
    }

    /** Register {@code r} (0..31) as the guest sees it (RV32: sign-extended 32-bit value). */
    public long reg(int r) {
        return r == 0 ? 0 : x[r];
    }

    public void setReg(int r, long v) {
        if (r < 0 || r > 31) {
            throw new IllegalArgumentException("register number must be 0..31: " + r);
        }
        if (r != 0) {
            x[r] = xlen == 32 ? (int) v : v;
        }
    }

    public int privilege() {
        return priv;
    }

    public void setPrivilege(int p) {
        if (p != PRIV_M && p != PRIV_U) {
            throw new IllegalArgumentException("privilege must be 0 (U) or 3 (M): " + p);
        }
        priv = p;
    }

    public long retired() {
        return retired;
    }

    public boolean sleeping() {
        return sleeping;
    }

    public long mip() {
        return mip;
    }

    /** Sets or clears one mip bit (device interrupt lines); wakes a WFI sleeper when enabled. */
    public void setInterruptPending(int bit, boolean on) {
        if (on) {
            mip |= 1L << bit;
        } else {
            mip &= ~(1L << bit);
        }
        if ((mip & mie) != 0) {
            sleeping = false;
        }
    }

    /** The cause number of the interrupt to take now, or -1. Priority MEI, MSI, MTI. */
    int pendingInterrupt() {
        long p = mip & mie;
        if (p == 0 || (priv == PRIV_M && (mstatus & MSTATUS_MIE) == 0)) {
            return -1;
        }
        return (p & (1 << 11)) != 0 ? 11 : (p & (1 << 3)) != 0 ? 3 : 7;
    }

    /** Enters the machine trap handler: exception (interrupt=false) or interrupt. {@code epc} is the trapping pc. */
    void enterTrap(int cause, long tval, boolean interrupt, long epc) {
        mepc = epc & xmask;
        mcause = (interrupt ? (xlen == 32 ? 1L << 31 : 1L << 63) : 0) | cause;
        mtval = tval & xmask;
        long mpie = (mstatus & MSTATUS_MIE) != 0 ? MSTATUS_MPIE : 0;
        mstatus = (mstatus & ~(MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP)) | mpie | ((long) priv << 11);
        priv = PRIV_M;
        long base = mtvec & ~3L;
        pc = (interrupt && (mtvec & 1) == 1) ? (base + 4L * cause) & xmask : base;
        sleeping = false;
    }

    /** MRET (caller checked M-mode). */
    void mret() {
        int mpp = (int) ((mstatus >>> 11) & 3);
        long mie = (mstatus & MSTATUS_MPIE) != 0 ? MSTATUS_MIE : 0;
        mstatus = (mstatus & ~(MSTATUS_MIE | MSTATUS_MPP)) | mie | MSTATUS_MPIE;
        if (mpp != PRIV_M) {
            mstatus &= ~MSTATUS_MPRV;
        }
        priv = mpp;
        pc = mepc;
    }

    /** Copies the complete state into {@code o} (same id and xlen). */
    public void copyTo(Hart o) {
        System.arraycopy(x, 0, o.x, 0, 33);
        o.pc = pc;
        o.priv = priv;
        o.mstatus = mstatus;
        o.mtvec = mtvec;
        o.mepc = mepc;
        o.mcause = mcause;
        o.mtval = mtval;
        o.mie = mie;
        o.mip = mip;
        o.mscratch = mscratch;
        o.mcounteren = mcounteren;
        o.menvcfg = menvcfg;
        o.retired = retired;
        o.cycles = cycles;
        o.instretDelta = instretDelta;
        o.cycleDelta = cycleDelta;
        o.mcountinhibit = mcountinhibit;
        o.frozenCycles = frozenCycles;
        o.frozenInstret = frozenInstret;
        o.resAddr = resAddr;
        o.resLen = resLen;
        o.sleeping = sleeping;
        pmp.copyTo(o.pmp);
        triggers.copyTo(o.triggers);
    }

    /** Deterministic hash of the architectural state. */
    public long stateHash() {
        long h = id * 31L + xlen;
        for (int i = 1; i < 32; i++) {
            h = mix(h, x[i]);
        }
        long[] v = {pc, priv, mstatus, mtvec, mepc, mcause, mtval, mie, mip, mscratch, mcounteren, retired, cycles,
            instretDelta, cycleDelta, resAddr, resLen, sleeping ? 1 : 0, menvcfg, mcountinhibit, frozenCycles, frozenInstret};
        for (long w : v) {
            h = mix(h, w);
        }
        if (!pmp.atReset() || !triggers.atReset()) {
            h = triggers.hash(pmp.hash(h)); // only when not at reset: hashes of earlier recordings stay valid
        }
        return h;
    }

    static long mix(long h, long v) {
        return Long.rotateLeft(h ^ v * 0x9E3779B97F4A7C15L, 31) * 0xBF58476D1CE4E5B9L;
    }
}
