package dev.rewind.emulator.device;

import java.util.Arrays;

/**
 * A platform-level interrupt controller laid out as on QEMU's {@code virt} machine (SiFive PLIC, base
 * 0x0C00_0000): {@value #SOURCES} sources (1..{@value #SOURCES}-1; 0 means none), 3-bit priorities at
 * {@code 4*id}, pending bits at 0x1000, per-context enable bits at {@code 0x2000 + 0x80*ctx}, and per-context
 * threshold / claim-complete at {@code 0x20_0000 + 0x1000*ctx} (+0 / +4). Two contexts per hart as on virt:
 * {@code 2*hart} is M-mode (drives mip.MEIP, bit 11) and {@code 2*hart+1} is S-mode (kept, but drives nothing:
 * Rewind has no S-mode). Sources are level-triggered ({@link #line(int)}): a high level makes the source pending
 * unless it is claimed and not yet completed; a claim returns the enabled pending source of highest priority
 * above the context's threshold (lowest id on ties) and clears its pending bit; completion lets a source that is
 * still high become pending again. Registers take 4-byte accesses; anything else reads as zero.
 */
public final class Plic extends DeviceWindow {
    public static final long SIZE = 0x400_0000L;
    public static final int SOURCES = 96;
    public static final int PRIORITY_MASK = 7;
    private static final int WORDS = SOURCES / 32;
    private static final String TAG = "plic/1";

    private final int harts;
    private int[] priority = new int[SOURCES];
    private int[] pending = new int[WORDS];
    private int[] level = new int[WORDS];
    private int[] claimed = new int[WORDS];
    private int[][] enable;
    private int[] threshold;

    public Plic(long base, int harts) {
        super("plic", base, SIZE);
        this.harts = harts;
        this.enable = new int[2 * harts][WORDS];
        this.threshold = new int[2 * harts];
    }

    /** The interrupt line of source {@code id} (1..SOURCES-1). */
    public IrqLine line(int id) {
        if (id < 1 || id >= SOURCES) {
            throw new IllegalArgumentException("PLIC source " + id + " outside 1.." + (SOURCES - 1));
        }
        return high -> {
            if (high == bit(level, id)) {
                return;
            }
            set(level, id, high);
            if (high && !bit(claimed, id)) {
                set(pending, id, true);
            }
            update();
        };
    }

    @Override
    public long read(long offset, int size) {
        if (size != 4) {
            return 0;
        }
        if (offset < 4L * SOURCES) {
            return priority[(int) (offset / 4)];
        }
        if (offset >= 0x1000 && offset < 0x1000 + 4L * WORDS) {
            return pending[(int) ((offset - 0x1000) / 4)] & 0xFFFF_FFFFL;
        }
        int ctx = context(offset, 0x2000, 0x80);
        if (ctx >= 0 && (offset - 0x2000) % 0x80 < 4L * WORDS) {
            return enable[ctx][(int) ((offset - 0x2000) % 0x80 / 4)] & 0xFFFF_FFFFL;
        }
        ctx = context(offset, 0x20_0000, 0x1000);
        if (ctx >= 0) {
            long reg = (offset - 0x20_0000) % 0x1000;
            return reg == 0 ? threshold[ctx] : reg == 4 ? claim(ctx) : 0;
        }
        return 0;
    }

    @Override
    public void write(long offset, int size, long value) {
        if (size != 4) {
            return;
        }
        int v = (int) value;
        if (offset < 4L * SOURCES) {
            if (offset >= 4) {
                priority[(int) (offset / 4)] = v & PRIORITY_MASK;
            }
        } else if (context(offset, 0x2000, 0x80) >= 0 && (offset - 0x2000) % 0x80 < 4L * WORDS) {
            int word = (int) ((offset - 0x2000) % 0x80 / 4);
            enable[context(offset, 0x2000, 0x80)][word] = word == 0 ? v & ~1 : v; // source 0 does not exist
        } else if (context(offset, 0x20_0000, 0x1000) >= 0) {
            int ctx = context(offset, 0x20_0000, 0x1000);
            long reg = (offset - 0x20_0000) % 0x1000;
            if (reg == 0) {
                threshold[ctx] = v & PRIORITY_MASK;
            } else if (reg == 4) {
                complete(ctx, v);
            }
        }
        update();
    }

    private int context(long offset, long base, long stride) {
        if (offset < base) {
            return -1;
        }
        long c = (offset - base) / stride;
        return c < 2L * harts ? (int) c : -1;
    }

    private int claim(int ctx) {
        int best = best(ctx);
        if (best > 0) {
            set(pending, best, false);
            set(claimed, best, true);
            update();
        }
        return best;
    }

    private void complete(int ctx, int id) {
        if (id < 1 || id >= SOURCES || !bit(enable[ctx], id) || !bit(claimed, id)) {
            return; // completing a source the context does not own is ignored
        }
        set(claimed, id, false);
        if (bit(level, id)) {
            set(pending, id, true);
        }
    }

    /** The source a claim by {@code ctx} would return now, or 0. */
    private int best(int ctx) {
        int best = 0;
        int bestPriority = threshold[ctx];
        for (int id = 1; id < SOURCES; id++) {
            if (bit(pending, id) && bit(enable[ctx], id) && priority[id] > bestPriority) {
                best = id;
                bestPriority = priority[id];
            }
        }
        return best;
    }

    /** Drives mip.MEIP of every hart from its M-mode context. */
    private void update() {
        if (ctx == null) {
            return;
        }
        for (int h = 0; h < harts; h++) {
            ctx.setInterruptPending(h, 11, best(2 * h) > 0);
        }
    }

    private static boolean bit(int[] words, int id) {
        return (words[id >>> 5] & (1 << (id & 31))) != 0;
    }

    private static void set(int[] words, int id, boolean on) {
        if (on) {
            words[id >>> 5] |= 1 << (id & 31);
        } else {
            words[id >>> 5] &= ~(1 << (id & 31));
        }
    }

    @Override
    public byte[] saveState() {
        return DeviceState.save(TAG, out -> {
            out.writeInt(harts);
            for (int p : priority) {
                out.writeByte(p);
            }
            for (int[] words : new int[][] {pending, level, claimed}) {
                for (int w : words) {
                    out.writeInt(w);
                }
            }
            for (int c = 0; c < 2 * harts; c++) {
                for (int w : enable[c]) {
                    out.writeInt(w);
                }
                out.writeByte(threshold[c]);
            }
        });
    }

    @Override
    public void restoreState(byte[] state) {
        DeviceState.restore(TAG, state, in -> {
            DeviceState.expect(TAG, "hart count", in.readInt(), harts);
            int[] pr = new int[SOURCES];
            for (int i = 0; i < SOURCES; i++) {
                pr[i] = in.readUnsignedByte() & PRIORITY_MASK;
            }
            int[][] bits = new int[3][WORDS];
            for (int[] words : bits) {
                for (int i = 0; i < WORDS; i++) {
                    words[i] = in.readInt();
                }
            }
            int[][] en = new int[2 * harts][WORDS];
            int[] th = new int[2 * harts];
            for (int c = 0; c < 2 * harts; c++) {
                for (int i = 0; i < WORDS; i++) {
                    en[c][i] = in.readInt();
                }
                th[c] = in.readUnsignedByte() & PRIORITY_MASK;
            }
            return () -> {
                priority = pr;
                pending = bits[0];
                level = bits[1];
                claimed = bits[2];
                enable = en;
                threshold = th;
            };
        });
    }

    @Override
    public String toString() {
        return "PLIC pending " + Arrays.toString(pending);
    }
}
