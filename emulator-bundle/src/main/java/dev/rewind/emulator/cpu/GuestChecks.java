package dev.rewind.emulator.cpu;

/**
 * The checks PMP and the guest's triggers add to a hart's fetches, loads and stores while {@link Hart#guarded()}:
 * the interpreter then runs the hart without translated code, without block chaining and with every RAM access
 * on the slow path ({@link Bus}), so these hooks see everything. Priorities as the privileged and debug specs
 * order them: execute address trigger, instruction access fault, execute data trigger; load/store address (and
 * store data) trigger, then access fault, then load data trigger (the load has read its value, rd is unchanged).
 */
final class GuestChecks {
    private GuestChecks() {
    }

    private static boolean mie(Hart h) {
        return (h.mstatus & Hart.MSTATUS_MIE) != 0;
    }

    /**
     * How many of {@code b}'s instructions may run before one faults on fetch or fires an execute trigger;
     * throws that trap when it is the first.
     */
    static int runnable(Hart h, Block b) {
        boolean mie = mie(h);
        for (int i = 0; i < b.n; i++) {
            long pc = (b.pc + b.offs[i]) & h.xmask;
            int len = b.offs[i + 1] - b.offs[i];
            long bits = b.raw[i] & (len == 2 ? 0xFFFFL : 0xFFFFFFFFL);
            int cause = -1;
            if (h.triggers.fires(Triggers.EXEC, pc, len, bits, 1, h.priv, mie)) {
                cause = Trap.BREAKPOINT;
            } else if (!h.pmp.allows(pc, len, Pmp.X, h.priv)) {
                cause = Trap.INSN_ACCESS;
            } else if (h.triggers.fires(Triggers.EXEC, pc, len, bits, 2, h.priv, mie)) {
                cause = Trap.BREAKPOINT;
            }
            if (cause >= 0) {
                if (i == 0) {
                    throw h.trap.set(cause, pc);
                }
                return i;
            }
        }
        return b.n;
    }

    /** Before a load: address triggers, then PMP read permission. */
    static void load(Hart h, long addr, int len) {
        if (h.triggers.fires(Triggers.LOAD, addr, len, 0, 1, h.priv, mie(h))) {
            throw h.trap.set(Trap.BREAKPOINT, addr);
        }
        if (!h.pmp.allows(addr, len, Pmp.R, h.dataPriv())) {
            throw h.trap.set(Trap.LOAD_ACCESS, addr);
        }
    }

    /** After a load read {@code value}, before rd is written: data triggers. */
    static void loaded(Hart h, long addr, int len, long value) {
        if (h.triggers.fires(Triggers.LOAD, addr, len, value, 2, h.priv, mie(h))) {
            throw h.trap.set(Trap.BREAKPOINT, addr);
        }
    }

    /** Before a store: address and data triggers, then PMP write permission. */
    static void store(Hart h, long addr, int len, long value) {
        if (h.triggers.fires(Triggers.STORE, addr, len, value, 3, h.priv, mie(h))) {
            throw h.trap.set(Trap.BREAKPOINT, addr);
        }
        if (!h.pmp.allows(addr, len, Pmp.W, h.dataPriv())) {
            throw h.trap.set(Trap.STORE_ACCESS, addr);
        }
    }

    /** Before LR (load), SC (store) or an AMO (load and store): address triggers (before alignment checks). */
    static void atomicTriggers(Hart h, long addr, int len, boolean lr, boolean sc, long src) {
        int kind = lr ? Triggers.LOAD : sc ? Triggers.STORE : Triggers.LOAD | Triggers.STORE;
        if (h.triggers.fires(kind, addr, len, src, sc ? 3 : 1, h.priv, mie(h))) {
            throw h.trap.set(Trap.BREAKPOINT, addr);
        }
    }

    /** After the alignment check of LR/SC/AMO: PMP (an AMO needs read and write, and faults as a store). */
    static void atomicAccess(Hart h, long addr, int len, boolean lr, boolean sc) {
        int dp = h.dataPriv();
        boolean ok = lr ? h.pmp.allows(addr, len, Pmp.R, dp)
                : h.pmp.allows(addr, len, Pmp.W, dp) && (sc || h.pmp.allows(addr, len, Pmp.R, dp));
        if (!ok) {
            throw h.trap.set(lr ? Trap.LOAD_ACCESS : Trap.STORE_ACCESS, addr);
        }
    }
}
