package dev.rewind.trace;

/**
 * One hart's trace events in a ring buffer of fixed capacity, oldest dropped first; events are added in time order.
 * Columns: time, kind code, a, b (28 bytes per event). Not thread-safe: the machine's thread writes, snapshots are
 * taken on it too.
 */
public final class EventRing {
    /** Bytes one event takes. */
    public static final int EVENT_BYTES = 28;

    private final long[] time;
    private final int[] kind;
    private final long[] a;
    private final long[] b;
    private long written;
    private long removed;

    public EventRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring capacity must be positive: " + capacity);
        }
        time = new long[capacity];
        kind = new int[capacity];
        a = new long[capacity];
        b = new long[capacity];
    }

    public int capacity() {
        return time.length;
    }

    public void add(long t, int k, long va, long vb) {
        int i = (int) (written % time.length);
        time[i] = t;
        kind[i] = k;
        a[i] = va;
        b[i] = vb;
        written++;
        if (written - removed > time.length) {
            removed = written - time.length;
        }
    }

    /** Events held now. */
    public int size() {
        return (int) (written - removed);
    }

    /** Events dropped because the ring was full. */
    public long dropped() {
        return removed;
    }

    /** Forgets every event later than {@code t} (the timeline after t was discarded). */
    public void truncateAfter(long t) {
        while (written > removed && time[(int) ((written - 1) % time.length)] > t) {
            written--;
        }
    }

    /** A copy of the events held, oldest first. */
    public Lane snapshot(int hart) {
        int n = size();
        long[] ts = new long[n];
        int[] ks = new int[n];
        long[] as = new long[n];
        long[] bs = new long[n];
        for (int j = 0; j < n; j++) {
            int i = (int) ((removed + j) % time.length);
            ts[j] = time[i];
            ks[j] = kind[i];
            as[j] = a[i];
            bs[j] = b[i];
        }
        return new Lane(hart, ts, ks, as, bs, removed);
    }
}
