package dev.rewind.mcd.backend;

import java.util.Map;
import java.util.TreeMap;

/**
 * Snapshots of the machine taken every {@code interval} instructions of virtual time while it
 * runs, thinned so that at most {@link #MAX_SNAPSHOTS} are kept (older history keeps fewer).
 * Reverse execution restores the nearest earlier snapshot and replays forward deterministically.
 * Also records, per snapshot, how many instructions each hart had retired.
 */
final class History {
    static final int MAX_SNAPSHOTS = 64;

    /** A snapshot with its time and per-hart retired counts. */
    record Point(long time, long[] retired, Object snapshot) {
    }

    private final Target target;
    private final long interval;
    private final TreeMap<Long, Point> points = new TreeMap<>();

    History(Target target, long interval) {
        this.target = target;
        this.interval = interval;
    }

    boolean enabled() {
        return interval > 0;
    }

    /** Take the snapshot of the initial state (after load or reset); clears older history. */
    void reset() {
        points.clear();
        if (enabled()) {
            take();
        }
    }

    private void take() {
        Engine e = target.engine;
        long[] retired = new long[e.harts()];
        for (int i = 0; i < retired.length; i++) {
            retired[i] = e.retired(i);
        }
        points.put(e.time(), new Point(e.time(), retired, e.snapshot()));
        thin();
    }

    private void thin() {
        while (points.size() > MAX_SNAPSHOTS) {
            // drop every second snapshot of the older half, keeping the first (time 0)
            Long[] times = points.keySet().toArray(Long[]::new);
            for (int i = 1; i < times.length / 2; i += 2) {
                points.remove(times[i]);
            }
        }
    }

    /** How far the machine may run before the next snapshot is due (at most {@code max}). */
    long instructionsToNextSnapshot(long max) {
        if (!enabled()) {
            return max;
        }
        long now = target.engine.time();
        long next = (now / interval + 1) * interval;
        return Math.max(1, Math.min(max, next - now));
    }

    /** Take a snapshot if the machine is at a snapshot boundary not yet taken. */
    void maybeSnapshot() {
        if (!enabled()) {
            return;
        }
        long now = target.engine.time();
        if (now % interval == 0 && !points.containsKey(now)) {
            take();
        }
    }

    /** Latest point at or before {@code time}, or null. */
    Point atOrBefore(long time) {
        Map.Entry<Long, Point> e = points.floorEntry(time);
        return e == null ? null : e.getValue();
    }

    /** Latest point at which hart {@code hart} had retired at most {@code retired} instructions. */
    Point beforeRetired(int hart, long retired) {
        Point best = null;
        for (Point p : points.values()) {
            if (p.retired()[hart] <= retired) {
                best = p;
            }
        }
        return best;
    }

    /** Points strictly before {@code time}, latest first. */
    Iterable<Point> before(long time) {
        return points.headMap(time, false).descendingMap().values();
    }

    long earliest() {
        return points.isEmpty() ? target.engine.time() : points.firstKey();
    }

    /**
     * The debugger changed state at the current time: later snapshots describe a future that
     * no longer happens, and replays from earlier ones would miss the change. Keep the past,
     * drop the rest and snapshot the changed present.
     */
    void rebase() {
        if (!enabled()) {
            return;
        }
        long now = target.engine.time();
        points.tailMap(now, true).clear();
        take();
    }
}
