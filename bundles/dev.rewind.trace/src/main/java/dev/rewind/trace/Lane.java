package dev.rewind.trace;

/**
 * One hart's events, oldest first, as parallel columns (see {@link EventKind} for a and b).
 *
 * @param dropped events older than these that the ring buffer dropped
 */
public record Lane(int hart, long[] time, int[] kind, long[] a, long[] b, long dropped) {
    public int size() {
        return time.length;
    }
}
