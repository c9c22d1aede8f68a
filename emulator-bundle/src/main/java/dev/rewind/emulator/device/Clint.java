package dev.rewind.emulator.device;

/**
 * Core-local interruptor (SiFive CLINT layout as in QEMU's {@code virt}): {@code msip} at +0x0 (4 bytes per
 * hart), {@code mtimecmp} at +0x4000 (8 bytes per hart), {@code mtime} at +0xBFF8.
 *
 * <p>{@code mtime} is the machine's virtual time ({@link DeviceContext#now()}) plus an offset that changes
 * only when the guest writes {@code mtime}. MSIP (mip bit 3) follows bit 0 of {@code msip}; MTIP (mip bit 7)
 * is pending while {@code mtime >= mtimecmp} (unsigned). {@code mtimecmp} resets to all ones, so no timer
 * interrupt is pending until software programs it. {@code msip} takes 4-byte accesses; {@code mtimecmp} and
 * {@code mtime} take 8-byte accesses or 4-byte accesses to either half (RV32). Registers of harts the machine
 * does not have read as zero and ignore writes; other sizes and misaligned accesses are access faults.
 *
 * <p>{@link #restoreState(byte[])} does not drive interrupt lines: {@code mip} is hart state and the machine
 * restores it with the harts.
 */
public final class Clint extends DeviceWindow {

    public static final long SIZE = 0x1_0000;
    public static final long MSIP = 0x0;
    public static final long MTIMECMP = 0x4000;
    public static final long MTIME = 0xBFF8;
    public static final int MIP_MSIP = 3;
    public static final int MIP_MTIP = 7;
    private static final String TAG = "clint/1";

    private int harts;
    private boolean[] msip = new boolean[0];
    private long[] mtimecmp = new long[0];
    /** What this device last drove onto each hart's MTIP line. */
    private boolean[] mtip = new boolean[0];
    /** mtime - now. */
    private long timeOffset;

    public Clint(long base) {
        super("clint", base, SIZE);
    }

    @Override
    protected void attached() {
        this.harts = ctx.hartCount();
        if (harts < 1 || harts > 4095) {
            throw new IllegalArgumentException("CLINT supports 1..4095 harts, machine has " + harts);
        }
        msip = new boolean[harts];
        mtimecmp = new long[harts];
        java.util.Arrays.fill(mtimecmp, -1L);
        mtip = new boolean[harts];
        timeOffset = 0;
    }

    /** The current value of {@code mtime}. */
    public long mtime() {
        return ctx.now() + timeOffset;
    }

    @Override
    public long read(long offset, int size) {
        if (offset >= MSIP && offset < MTIMECMP) {
            requireAccess(offset, size, 4, false);
            int hart = (int) (offset >>> 2);
            return hart < harts && msip[hart] ? 1 : 0;
        }
        if (offset >= MTIMECMP && offset < MTIME) {
            requireAccess(offset, size, 8, true);
            int hart = (int) ((offset - MTIMECMP) >>> 3);
            return hart < harts ? part(mtimecmp[hart], offset, size) : 0;
        }
        if (offset >= MTIME && offset < MTIME + 8) {
            requireAccess(offset, size, 8, true);
            return part(mtime(), offset, size);
        }
        return 0; // reserved
    }

    @Override
    public void write(long offset, int size, long value) {
        if (offset >= MSIP && offset < MTIMECMP) {
            requireAccess(offset, size, 4, false);
            int hart = (int) (offset >>> 2);
            if (hart < harts) {
                boolean pending = (value & 1) != 0;
                if (pending != msip[hart]) {
                    msip[hart] = pending;
                    ctx.setInterruptPending(hart, MIP_MSIP, pending);
                }
            }
        } else if (offset >= MTIMECMP && offset < MTIME) {
            requireAccess(offset, size, 8, true);
            int hart = (int) ((offset - MTIMECMP) >>> 3);
            if (hart < harts) {
                mtimecmp[hart] = merge(mtimecmp[hart], offset, size, value);
                updateTimer(hart, mtime());
            }
        } else if (offset >= MTIME && offset < MTIME + 8) {
            requireAccess(offset, size, 8, true);
            long now = ctx.now();
            timeOffset = merge(now + timeOffset, offset, size, value) - now;
            for (int h = 0; h < harts; h++) {
                updateTimer(h, now + timeOffset);
            }
        }
        // reserved: ignored
    }

    @Override
    public void tick(long now) {
        for (int h = 0; h < harts; h++) {
            updateTimer(h, now + timeOffset);
        }
    }

    @Override
    public long nextEventTime() {
        long next = Long.MAX_VALUE;
        for (int h = 0; h < harts; h++) {
            if (!mtip[h]) {
                long at = mtimecmp[h] - timeOffset; // the virtual time at which mtime reaches mtimecmp
                if (at >= 0 && at < next) {
                    next = at;
                }
            }
        }
        return next;
    }

    private void updateTimer(int hart, long mtime) {
        boolean pending = Long.compareUnsigned(mtime, mtimecmp[hart]) >= 0;
        if (pending != mtip[hart]) {
            mtip[hart] = pending;
            ctx.setInterruptPending(hart, MIP_MTIP, pending);
        }
    }

    private static void requireAccess(long offset, int size, int width, boolean halves) {
        boolean ok = (size == width || (halves && size == 4)) && (offset & (size - 1)) == 0;
        if (!ok) {
            throw new DeviceAccessException(String.format("CLINT: unsupported %d-byte access at offset 0x%x",
                    size, offset));
        }
    }

    private static long part(long register, long offset, int size) {
        if (size == 8) {
            return register;
        }
        return (offset & 4) == 0 ? register & 0xFFFF_FFFFL : register >>> 32;
    }

    private static long merge(long register, long offset, int size, long value) {
        if (size == 8) {
            return value;
        }
        long v = value & 0xFFFF_FFFFL;
        return (offset & 4) == 0 ? (register & 0xFFFF_FFFF_0000_0000L) | v : (register & 0xFFFF_FFFFL) | v << 32;
    }

    @Override
    public byte[] saveState() {
        return DeviceState.save(TAG, out -> {
            out.writeInt(harts);
            out.writeLong(timeOffset);
            for (int h = 0; h < harts; h++) {
                out.writeBoolean(msip[h]);
                out.writeBoolean(mtip[h]);
                out.writeLong(mtimecmp[h]);
            }
        });
    }

    @Override
    public void restoreState(byte[] state) {
        DeviceState.restore(TAG, state, in -> {
            DeviceState.expect(TAG, "hart count", in.readInt(), harts);
            long offset = in.readLong();
            boolean[] s = new boolean[harts];
            boolean[] t = new boolean[harts];
            long[] cmp = new long[harts];
            for (int h = 0; h < harts; h++) {
                s[h] = in.readBoolean();
                t[h] = in.readBoolean();
                cmp[h] = in.readLong();
            }
            return () -> {
                timeOffset = offset;
                msip = s;
                mtip = t;
                mtimecmp = cmp;
            };
        });
    }
}
