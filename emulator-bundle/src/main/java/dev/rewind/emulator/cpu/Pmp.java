package dev.rewind.emulator.cpu;

import java.util.Arrays;

/**
 * Physical memory protection of one hart (privileged spec 1.12, section 3.7): {@value #ENTRIES} entries,
 * pmpcfg0..3 on RV32 (pmpcfg0 and pmpcfg2 on RV64; the odd ones do not exist there), pmpaddr0..15, address modes
 * OFF, TOR, NA4 and NAPOT, granularity G=0 (4 bytes: every pmpaddr bit is writable; on RV64 bits 53:0).
 * pmpcfg4..15 and pmpaddr16..63 read as zero and ignore writes (entries not implemented). WARL: the reserved
 * combination R=0/W=1 is stored as R=0/W=0, bits 6:5 read zero. A locked entry (L) ignores writes to its pmpcfg
 * byte and pmpaddr, and to the previous pmpaddr when it is TOR; it also applies to M-mode. An access matches the
 * lowest-numbered entry that covers any of its bytes; it must lie wholly inside it, or it fails whatever the mode
 * and the L bit. With no match, M-mode is allowed and U-mode is denied (16 entries are implemented).
 */
final class Pmp {
    static final int ENTRIES = 16;
    static final int R = 1, W = 2, X = 4, L = 0x80;
    private static final int OFF = 0, TOR = 1, NA4 = 2;

    private final int xlen;
    private final long addrMask;
    final int[] cfg = new int[ENTRIES];
    final long[] addr = new long[ENTRIES];
    /** Per privilege {@code p}, bit {@code 1 << p}: some access in that mode may be denied (derived). */
    int restricts;

    Pmp(int xlen) {
        this.xlen = xlen;
        this.addrMask = xlen == 32 ? 0xFFFFFFFFL : (1L << 54) - 1;
        reset();
    }

    void reset() {
        Arrays.fill(cfg, 0);
        Arrays.fill(addr, 0);
        derive();
    }

    void copyTo(Pmp o) {
        System.arraycopy(cfg, 0, o.cfg, 0, ENTRIES);
        System.arraycopy(addr, 0, o.addr, 0, ENTRIES);
        o.restricts = restricts;
    }

    boolean atReset() {
        for (int i = 0; i < ENTRIES; i++) {
            if (cfg[i] != 0 || addr[i] != 0) {
                return false;
            }
        }
        return true;
    }

    long hash(long h) {
        for (int i = 0; i < ENTRIES; i++) {
            h = Hart.mix(Hart.mix(h, cfg[i]), addr[i]);
        }
        return h;
    }

    /** Whether {@code csr} is a PMP CSR of this xlen (others in 0x3A0..0x3EF are illegal: odd pmpcfg on RV64). */
    boolean exists(int csr) {
        return csr >= 0x3A0 && csr <= 0x3EF && !(xlen == 64 && csr <= 0x3AF && (csr & 1) == 1);
    }

    long read(int csr) {
        if (csr <= 0x3AF) {
            int first = (csr - 0x3A0) * 4;
            long v = 0;
            for (int b = 0; b < xlen / 8 && first + b < ENTRIES; b++) {
                v |= (long) cfg[first + b] << (8 * b);
            }
            return v;
        }
        int i = csr - 0x3B0;
        return i < ENTRIES ? addr[i] : 0;
    }

    void write(int csr, long v) {
        if (csr <= 0x3AF) {
            int first = (csr - 0x3A0) * 4;
            for (int b = 0; b < xlen / 8 && first + b < ENTRIES; b++) {
                int e = first + b;
                int c = (int) (v >>> (8 * b)) & 0x9F;
                if ((cfg[e] & L) == 0) {
                    cfg[e] = (c & R) == 0 ? c & ~W : c;
                }
            }
        } else {
            int i = csr - 0x3B0;
            boolean nextLocksTor = i + 1 < ENTRIES && (cfg[i + 1] & L) != 0 && mode(i + 1) == TOR;
            if (i < ENTRIES && (cfg[i] & L) == 0 && !nextLocksTor) {
                addr[i] = v & addrMask;
            }
        }
        derive();
    }

    private int mode(int i) {
        return (cfg[i] >>> 3) & 3;
    }

    private void derive() {
        int r = 0;
        int first = -1;
        for (int i = 0; i < ENTRIES; i++) {
            if (mode(i) != OFF) {
                // any active entry binds M-mode too: an access matching it only in part fails, locked or not
                first = first < 0 ? i : first;
                r |= 1 << Hart.PRIV_M;
            }
        }
        boolean open = false;
        if (first >= 0) {
            long[] range = range(first);
            open = range[0] == 0 && Long.compareUnsigned(range[1], xlen == 32 ? 1L << 34 : 1L << 56) >= 0
                    && (cfg[first] & (R | W | X)) == (R | W | X);
        }
        restricts = open ? r : r | 1 << Hart.PRIV_U;
    }

    /** Entry {@code i}'s byte range {@code [lo, hi)} (hi may be 2^34 or 2^56), or {@code lo >= hi} if it is empty. */
    private long[] range(int i) {
        long a = addr[i];
        return switch (mode(i)) {
            case TOR -> new long[] {i == 0 ? 0 : addr[i - 1] << 2, a << 2};
            case NA4 -> new long[] {a << 2, (a << 2) + 4};
            default -> {
                int ones = Long.numberOfTrailingZeros(~a);
                long base = (a & ~((1L << ones) - 1) & addrMask) << 2;
                yield new long[] {base, base + (1L << (ones + 3))};
            }
        };
    }

    /**
     * Whether an access of {@code len} bytes at {@code a} with permission {@code perm} (R, W or X) is allowed in
     * privilege {@code priv}.
     */
    boolean allows(long a, int len, int perm, int priv) {
        if ((restricts & (1 << priv)) == 0) {
            return true;
        }
        long end = a + len;
        for (int i = 0; i < ENTRIES; i++) {
            if (mode(i) == OFF) {
                continue;
            }
            long[] r = range(i);
            if (Long.compareUnsigned(r[0], r[1]) >= 0 || Long.compareUnsigned(end, r[0]) <= 0
                    || Long.compareUnsigned(a, r[1]) >= 0) {
                continue;
            }
            boolean whole = Long.compareUnsigned(a, r[0]) >= 0 && Long.compareUnsigned(end, r[1]) <= 0;
            if (!whole) {
                return false;
            }
            return priv == Hart.PRIV_M && (cfg[i] & L) == 0 || (cfg[i] & perm) != 0;
        }
        return priv == Hart.PRIV_M;
    }
}
