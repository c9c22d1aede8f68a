package dev.rewind.emulator.travel;

import dev.rewind.emulator.MachineSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshots of one timeline, ordered by time (one per time at most). Automatic snapshots are thinned as they
 * age: while over the budget or the count limit, the removable snapshot whose removal leaves the smallest gap
 * relative to its age goes, which keeps recent history dense (spacing = the interval) and older history
 * geometrically sparser. Barriers (the start of history and every point where the debugger changed state) and
 * pinned snapshots (bookmarks, explicit ones) are never thinned: replay must never cross a barrier.
 *
 * <p>Memory is counted as in the budget's definition: per snapshot, the RAM pages it does not share with its
 * predecessor, plus a fixed overhead (its page table and CPU/device state).
 */
final class History {

    /** One snapshot with its bookkeeping. */
    static final class Point {
        final MachineSnapshot snapshot;
        final long time;
        final boolean barrier;
        int pins;
        long uniquePages;
        boolean removed;

        Point(MachineSnapshot snapshot, boolean barrier) {
            this.snapshot = snapshot;
            this.time = snapshot.time();
            this.barrier = barrier;
        }

        long retired(int hart) {
            return snapshot.retired(hart);
        }

        boolean removable() {
            return !barrier && pins == 0;
        }
    }

    private final TravelConfig config;
    private final long overhead;
    private final ArrayList<Point> points = new ArrayList<>();
    private long uniquePages;
    private int automatic;

    History(TravelConfig config, int pageCount, int harts) {
        this.config = config;
        this.overhead = pageCount * 4L + 1024L + harts * 1024L;
    }

    /** Adds a snapshot later than every other. */
    Point add(MachineSnapshot s, boolean barrier, long now) {
        if (!points.isEmpty() && last().time >= s.time()) {
            throw new IllegalStateException("snapshot at " + s.time() + " is not after " + last().time);
        }
        Point p = new Point(s, barrier);
        p.uniquePages = s.memory().pagesNotIn(points.isEmpty() ? null : last().snapshot.memory());
        uniquePages += p.uniquePages;
        points.add(p);
        if (p.removable()) {
            automatic++;
        }
        thin(now);
        return p;
    }

    /**
     * Adds an automatic snapshot at any time of history after the first point (a landing snapshot of a reverse
     * step); the one already at that time if there is one ({@code s} is then released). May be thinned at once.
     */
    Point insert(MachineSnapshot s, long now) {
        int i = floorIndex(s.time());
        if (i < 0) {
            throw new IllegalStateException("snapshot at " + s.time() + " is before history");
        }
        if (points.get(i).time == s.time()) {
            s.release();
            return points.get(i);
        }
        if (i == points.size() - 1) {
            return add(s, false, now);
        }
        Point p = new Point(s, false);
        Point next = points.get(i + 1);
        p.uniquePages = s.memory().pagesNotIn(points.get(i).snapshot.memory());
        uniquePages += p.uniquePages - next.uniquePages;
        next.uniquePages = next.snapshot.memory().pagesNotIn(s.memory());
        uniquePages += next.uniquePages;
        points.add(i + 1, p);
        automatic++;
        thin(now);
        return p;
    }

    Point last() {
        return points.get(points.size() - 1);
    }

    Point first() {
        return points.get(0);
    }

    /** The point at exactly {@code time}, or null. */
    Point at(long time) {
        int i = floorIndex(time);
        return i >= 0 && points.get(i).time == time ? points.get(i) : null;
    }

    /** Latest point at or before {@code time}, or null. */
    Point floor(long time) {
        int i = floorIndex(time);
        return i < 0 ? null : points.get(i);
    }

    private int floorIndex(long time) {
        int lo = 0;
        int hi = points.size() - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).time <= time) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** Latest point at which {@code hart} had retired at most {@code retired} instructions (counts never fall). */
    Point latestWithRetiredAtMost(int hart, long retired) {
        int lo = 0;
        int hi = points.size() - 1;
        Point best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).retired(hart) <= retired) {
                best = points.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** The earliest barrier later than {@code time}, or null. */
    Point barrierAfter(long time) {
        for (int i = floorIndex(time) + 1; i < points.size(); i++) {
            if (points.get(i).barrier) {
                return points.get(i);
            }
        }
        return null;
    }

    /** Points strictly before {@code time}, latest first. */
    List<Point> before(long time) {
        List<Point> out = new ArrayList<>();
        for (int i = floorIndex(time - 1); i >= 0; i--) {
            out.add(points.get(i));
        }
        return out;
    }

    /** Removes every point at or after {@code time}; returns them. Add a point at once if none is left. */
    List<Point> removeFrom(long time) {
        List<Point> gone = new ArrayList<>();
        while (!points.isEmpty() && last().time >= time) {
            Point p = points.remove(points.size() - 1);
            p.removed = true;
            p.snapshot.release();
            uniquePages -= p.uniquePages;
            if (p.removable()) {
                automatic--;
            }
            gone.add(p);
        }
        return gone;
    }

    void pin(Point p) {
        if (p.removed) {
            return;
        }
        if (p.removable()) {
            automatic--;
        }
        p.pins++;
    }

    void unpin(Point p, long now) {
        if (!p.removed && p.pins > 0) {
            p.pins--;
            if (p.removable()) {
                automatic++;
            }
            thin(now);
        }
    }

    long bytes() {
        return uniquePages * 4096L + points.size() * overhead;
    }

    private void thin(long now) {
        while ((automatic > config.maxSnapshots() || bytes() > config.memoryBudget()) && removeOne(now)) {
            // keep removing
        }
    }

    /** Removes the removable interior point with the smallest (gap it leaves) / (age); false if none. */
    private boolean removeOne(long now) {
        int victim = -1;
        double best = Double.MAX_VALUE;
        for (int i = 1; i < points.size() - 1; i++) {
            Point p = points.get(i);
            if (!p.removable()) {
                continue;
            }
            double gap = points.get(i + 1).time - points.get(i - 1).time;
            double score = gap / (double) (now - p.time + 1);
            if (score < best) {
                best = score;
                victim = i;
            }
        }
        if (victim < 0) {
            return false;
        }
        Point gone = points.remove(victim);
        gone.removed = true;
        gone.snapshot.release();
        automatic--;
        Point next = points.get(victim);
        uniquePages -= gone.uniquePages + next.uniquePages;
        next.uniquePages = next.snapshot.memory().pagesNotIn(points.get(victim - 1).snapshot.memory());
        uniquePages += next.uniquePages;
        return true;
    }

    HistoryStats stats(long newest) {
        int pinned = 0;
        for (Point p : points) {
            if (!p.removable()) {
                pinned++;
            }
        }
        return new HistoryStats(points.size(), pinned, uniquePages, bytes(), config.memoryBudget(), first().time,
                newest);
    }

    int size() {
        return points.size();
    }
}
