package dev.rewind.emulator.cpu;

import java.util.Arrays;

/**
 * The guest-visible trigger module (Sdtrig, debug spec 1.0) of one hart: {@value #COUNT} triggers behind tselect,
 * tdata1, tdata2, tdata3 and tinfo, each an address/data match trigger of type 6 (mcontrol6) or type 2 (mcontrol,
 * the legacy layout QEMU 7.2 also offers) raising a breakpoint exception (cause 3, tval = the matching address or
 * pc) before the instruction retires. Supported: execute, load and store; address or data (select) matches with
 * every match mode of the spec (equal, NAPOT, ge, lt, mask low/high and their negations; type 2 equal, ge, lt and
 * the masks), sizes any/8/16/32/64 (type 2: sizelo), modes M and U. WARL: writing tdata1 with type 0, 15 or an
 * unsupported type leaves the trigger disabled as type 15 (tdata2 and tdata3 then take any value); dmode, action
 * (only 0, breakpoint), chain (chains of one), timing, hit, s, vs, vu and uncertain read as zero; tdata3 (no
 * textra) reads zero; tselect keeps its value when written with an index of no trigger. Re-entrancy (the spec's
 * first option): in M-mode, triggers match only while mstatus.MIE is 1. These triggers belong to the guest: the
 * debugger's own breakpoints and watchpoints are separate and never see or change them.
 */
final class Triggers {
    static final int COUNT = 4;
    static final int LOAD = 1, STORE = 2, EXEC = 4;
    private static final long U = 1L << 3, M = 1L << 6;

    private final int xlen;
    private final long xmask;
    final long[] tdata1 = new long[COUNT];
    final long[] tdata2 = new long[COUNT];
    int tselect;
    /** Per privilege {@code p}, bit {@code 1 << p}: some trigger is armed for that mode (derived from tdata1). */
    int armed;

    Triggers(int xlen) {
        this.xlen = xlen;
        this.xmask = xlen == 32 ? 0xFFFFFFFFL : -1L;
        reset();
    }

    void reset() {
        Arrays.fill(tdata1, disabled());
        Arrays.fill(tdata2, 0);
        tselect = 0;
        armed = 0;
    }

    void copyTo(Triggers o) {
        System.arraycopy(tdata1, 0, o.tdata1, 0, COUNT);
        System.arraycopy(tdata2, 0, o.tdata2, 0, COUNT);
        o.tselect = tselect;
        o.armed = armed;
    }

    boolean atReset() {
        for (int i = 0; i < COUNT; i++) {
            if (tdata1[i] != disabled() || tdata2[i] != 0) {
                return false;
            }
        }
        return tselect == 0;
    }

    long hash(long h) {
        for (int i = 0; i < COUNT; i++) {
            h = Hart.mix(Hart.mix(h, tdata1[i]), tdata2[i]);
        }
        return Hart.mix(h, tselect);
    }

    private long disabled() {
        return 15L << (xlen - 4);
    }

    private int type(long t1) {
        return (int) (t1 >>> (xlen - 4)) & 0xF;
    }

    /** tselect, tdata1..3, tinfo (0x7A0..0x7A4). */
    long read(int csr) {
        return switch (csr) {
            case 0x7A0 -> tselect;
            case 0x7A1 -> tdata1[tselect];
            case 0x7A2 -> tdata2[tselect];
            case 0x7A3 -> 0;
            default -> (1L << 24) | (1L << 15) | (1L << 6) | (1L << 2); // version 1; types 2, 6 and 15
        };
    }

    void write(int csr, long v) {
        switch (csr) {
            case 0x7A0 -> {
                if (Long.compareUnsigned(v, COUNT) < 0) {
                    tselect = (int) v;
                }
            }
            case 0x7A1 -> tdata1[tselect] = legal(v & xmask);
            case 0x7A2 -> tdata2[tselect] = v & xmask;
            default -> {
                // tdata3 (no textra) and tinfo: read-only
            }
        }
        armed = 0;
        for (long t : tdata1) {
            if (type(t) != 15 && (t & (LOAD | STORE | EXEC)) != 0) {
                armed |= ((t & U) != 0 ? 1 << Hart.PRIV_U : 0) | ((t & M) != 0 ? 1 << Hart.PRIV_M : 0);
            }
        }
    }

    /** The supported value closest to {@code v} (see the class comment). */
    private long legal(long v) {
        int type = type(v);
        long modes = v & (LOAD | STORE | EXEC | U | M);
        long match = (v >>> 7) & 0xF;
        if (type == 2) {
            boolean ok = match == 0 || match == 2 || match == 3 || match == 4 || match == 5 || match == 8
                    || match == 12 || match == 13;
            return (2L << (xlen - 4)) | modes | (ok ? match << 7 : 0) | (v & (3L << 16));
        }
        if (type == 6) {
            boolean ok = match <= 5 || match == 8 || match == 9 || match == 12 || match == 13;
            long size = (v >>> 16) & 7;
            boolean sizeOk = size <= 3 || size == 5;
            return (6L << (xlen - 4)) | modes | (ok ? match << 7 : 0) | (sizeOk ? size << 16 : 0)
                    | (v & (1L << 21));
        }
        return disabled();
    }

    /**
     * Whether a trigger of kind {@code kind} fires for an access (or execution) of {@code len} bytes at
     * {@code addr} in privilege {@code priv}; {@code data} is the value loaded or stored, or the instruction's bits.
     * {@code phase} says which triggers to look at: 1 address (select=0), 2 data (select=1), 3 both (a load checks
     * its address triggers before the access and its data triggers after reading the value).
     */
    boolean fires(int kind, long addr, int len, long data, int phase, int priv, boolean mie) {
        if ((armed & (1 << priv)) == 0 || priv == Hart.PRIV_M && !mie) {
            return false;
        }
        long mode = priv == Hart.PRIV_M ? M : U;
        for (int i = 0; i < COUNT; i++) {
            long t = tdata1[i];
            int type = type(t);
            if ((t & kind) == 0 || (t & mode) == 0 || type == 15 || !sizeMatches(type, t, len)) {
                continue;
            }
            boolean select = type == 6 && (t & (1L << 21)) != 0;
            if ((phase & (select ? 2 : 1)) == 0) {
                continue;
            }
            long match = (t >>> 7) & 0xF;
            boolean hit;
            if (select) {
                hit = compare(match & 7, tdata2[i], data & sizeMask(len) & xmask);
            } else {
                hit = false;
                for (int b = 0; b < (kind == EXEC ? 1 : len) && !hit; b++) {
                    hit = compare(match & 7, tdata2[i], (addr + b) & xmask);
                }
            }
            if (hit != ((match & 8) != 0)) {
                return true;
            }
        }
        return false;
    }

    private boolean sizeMatches(int type, long t, int len) {
        int size = (int) (t >>> 16) & (type == 6 ? 7 : 3);
        return switch (size) {
            case 0 -> true;
            case 1 -> len == 1;
            case 2 -> len == 2;
            case 3 -> len == 4;
            default -> len == 8;
        };
    }

    private static long sizeMask(int len) {
        return len == 8 ? -1L : (1L << (8 * len)) - 1;
    }

    private boolean compare(long match, long t2, long v) {
        int half = xlen / 2;
        long lowMask = (1L << half) - 1;
        return switch ((int) match) {
            case 0 -> v == t2;
            case 1 -> {
                long ones = Long.numberOfTrailingZeros(~t2);
                if (ones >= xlen - 1) {
                    yield false;
                }
                long keep = ~((1L << (ones + 1)) - 1) & xmask;
                yield (v & keep) == (t2 & keep);
            }
            case 2 -> Long.compareUnsigned(v, t2) >= 0;
            case 3 -> Long.compareUnsigned(v, t2) < 0;
            case 4 -> ((v & lowMask) & (t2 >>> half)) == (t2 & lowMask);
            default -> (((v >>> half) & lowMask) & (t2 >>> half)) == (t2 & lowMask);
        };
    }
}
