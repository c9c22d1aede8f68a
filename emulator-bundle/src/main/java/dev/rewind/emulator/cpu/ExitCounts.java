package dev.rewind.emulator.cpu;

import java.util.HashMap;
import java.util.Map;

/**
 * One region's exit sample ({@link ExitHeat}): times it left to each pc and the instructions it ran, in an open-addressing
 * table of primitive longs (the sample counts every call of every new region: boxed keys and a map per call cost 3.5% of
 * the main thread's time on CoreMark-2k, most of it in HotSpot's interpreter during warm-up).
 */
final class ExitCounts {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys = newKeys(16);
    private long[] counts = new long[16];
    private int size;
    /** Instructions the sampled calls ran. */
    long ran;

    private static long[] newKeys(int n) {
        long[] k = new long[n];
        java.util.Arrays.fill(k, EMPTY);
        return k;
    }

    /** Exits to {@link #EMPTY} itself (an RV64 pc), kept apart. */
    private long emptyPc;

    /** One more exit to pc. */
    void add(long pc) {
        if (pc == EMPTY) {
            emptyPc++;
            return;
        }
        int mask = keys.length - 1;
        int i = slot(pc, mask);
        while (keys[i] != pc) {
            if (keys[i] == EMPTY) {
                keys[i] = pc;
                if (++size * 2 > keys.length) {
                    grow();
                    add(pc);
                    return;
                }
                break;
            }
            i = (i + 1) & mask;
        }
        counts[i]++;
    }

    private static int slot(long pc, int mask) {
        long h = pc * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    private void grow() {
        long[] k = keys;
        long[] c = counts;
        keys = newKeys(k.length * 2);
        counts = new long[k.length * 2];
        int mask = keys.length - 1;
        size = 0;
        for (int j = 0; j < k.length; j++) {
            if (k[j] != EMPTY && c[j] > 0) {
                int i = slot(k[j], mask);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = k[j];
                counts[i] = c[j];
                size++;
            }
        }
        // (the key being added has no count yet: add() puts it again)
    }

    /** The counts as a map of pc to {count}, with the instructions run under {@code ranKey}. */
    Map<Long, long[]> toMap(long ranKey) {
        Map<Long, long[]> m = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && counts[i] > 0) {
                m.put(keys[i], new long[] {counts[i]});
            }
        }
        if (emptyPc > 0) {
            m.put(EMPTY, new long[] {emptyPc});
        }
        m.put(ranKey, new long[] {ran});
        return m;
    }
}
