package dev.rewind.emulator.travel;

/**
 * How a {@link TimeMachine} keeps history.
 *
 * @param snapshotInterval virtual-time distance between automatic snapshots (instructions, &gt; 0): the base
 *                         interval, used while the guest dirties few pages
 * @param memoryBudget     bytes that snapshots may hold beyond the live machine (pages a snapshot does not share
 *                         with its predecessor, plus per-snapshot overhead); older snapshots are thinned to stay
 *                         within it
 * @param maxSnapshots     upper bound on automatic snapshots kept (bookmarked and explicit ones not counted)
 * @param maxInterval      the longest automatic interval (&ge; {@code snapshotInterval}): a guest that dirties many
 *                         pages per interval gets longer intervals, up to this, so that copying pages costs a
 *                         bounded share of run time (see {@link SnapshotSchedule}); a reverse step replays at most
 *                         about one such interval. Equal to {@code snapshotInterval}: a fixed interval.
 */
public record TravelConfig(long snapshotInterval, long memoryBudget, int maxSnapshots, long maxInterval) {

    /** Default interval: one interval replays in well under a millisecond or two with the translator. */
    public static final long DEFAULT_INTERVAL = 200_000;
    /** Default budget: 256 MiB. */
    public static final long DEFAULT_BUDGET = 256L << 20;
    /** Default cap on automatic snapshots. */
    public static final int DEFAULT_MAX_SNAPSHOTS = 2048;
    /**
     * By default the interval may stretch to this many times the base interval (200k to 3M). Measured on ttbench
     * (4 harts rewriting their 4 MiB of heaps in every interval, 1e8 instructions from a fresh machine, 2-core
     * host): a snapshot costs ~1 ms for its 1024 dirty pages (~0.6 us a page to copy, the rest bookkeeping), so
     * recording costs ~1.4x at a 2M interval and 1.16-1.36x at 3M (1.19x typical; the spread is the plain run's
     * speed, which varies with HotSpot's compilation from one JVM to the next); a reverse step replays up to one
     * interval: 2-3 ms median at the benchmark's depths, ~6 ms at the worst point of an interval.
     */
    public static final int DEFAULT_STRETCH = 15;

    public TravelConfig {
        if (snapshotInterval < 1) {
            throw new IllegalArgumentException("snapshot interval must be at least 1, not " + snapshotInterval);
        }
        if (memoryBudget < 0) {
            throw new IllegalArgumentException("memory budget must not be negative: " + memoryBudget);
        }
        if (maxSnapshots < 2) {
            throw new IllegalArgumentException("at least 2 automatic snapshots must be allowed, not " + maxSnapshots);
        }
        if (maxInterval < snapshotInterval) {
            throw new IllegalArgumentException("maximum interval " + maxInterval + " is below the interval "
                    + snapshotInterval);
        }
    }

    /** An interval that may stretch to {@link #DEFAULT_STRETCH} times {@code snapshotInterval}. */
    public TravelConfig(long snapshotInterval, long memoryBudget, int maxSnapshots) {
        this(snapshotInterval, memoryBudget, maxSnapshots, stretched(snapshotInterval));
    }

    private static long stretched(long interval) {
        return interval > Long.MAX_VALUE / DEFAULT_STRETCH ? Long.MAX_VALUE : interval * DEFAULT_STRETCH;
    }

    public static TravelConfig defaults() {
        return new TravelConfig(DEFAULT_INTERVAL, DEFAULT_BUDGET, DEFAULT_MAX_SNAPSHOTS);
    }

    /** The base interval {@code interval}, stretching to {@link #DEFAULT_STRETCH} times it. */
    public TravelConfig withInterval(long interval) {
        return new TravelConfig(interval, memoryBudget, maxSnapshots, stretched(interval));
    }

    /** The longest interval; {@code withMaxInterval(snapshotInterval())} fixes the interval. */
    public TravelConfig withMaxInterval(long interval) {
        return new TravelConfig(snapshotInterval, memoryBudget, maxSnapshots, interval);
    }

    /**
     * This configuration with its budget cut to half of {@code maxHeap} if it is larger: history lives on the Java
     * heap, and a budget the heap cannot hold would end the process instead of thinning history. A
     * {@link TimeMachine} applies it with the JVM's maximum heap.
     */
    public TravelConfig fittingHeap(long maxHeap) {
        long most = Math.max(0, maxHeap / 2);
        return memoryBudget <= most ? this : withBudget(most);
    }

    public TravelConfig withBudget(long bytes) {
        return new TravelConfig(snapshotInterval, bytes, maxSnapshots, maxInterval);
    }

    public TravelConfig withMaxSnapshots(int n) {
        return new TravelConfig(snapshotInterval, memoryBudget, n, maxInterval);
    }
}
