package dev.rewind.emulator.travel;

/**
 * How a {@link TimeMachine} keeps history.
 *
 * @param snapshotInterval virtual-time distance between automatic snapshots (instructions, &gt; 0); a reverse
 *                         step replays at most about one interval
 * @param memoryBudget     bytes that snapshots may hold beyond the live machine (pages a snapshot does not share
 *                         with its predecessor, plus per-snapshot overhead); older snapshots are thinned to stay
 *                         within it
 * @param maxSnapshots     upper bound on automatic snapshots kept (bookmarked and explicit ones not counted)
 */
public record TravelConfig(long snapshotInterval, long memoryBudget, int maxSnapshots) {

    /** Default interval: one interval replays in a few milliseconds at the interpreter's speed. */
    public static final long DEFAULT_INTERVAL = 200_000;
    /** Default budget: 256 MiB. */
    public static final long DEFAULT_BUDGET = 256L << 20;
    /** Default cap on automatic snapshots. */
    public static final int DEFAULT_MAX_SNAPSHOTS = 2048;

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
    }

    public static TravelConfig defaults() {
        return new TravelConfig(DEFAULT_INTERVAL, DEFAULT_BUDGET, DEFAULT_MAX_SNAPSHOTS);
    }

    public TravelConfig withInterval(long interval) {
        return new TravelConfig(interval, memoryBudget, maxSnapshots);
    }

    public TravelConfig withBudget(long bytes) {
        return new TravelConfig(snapshotInterval, bytes, maxSnapshots);
    }

    public TravelConfig withMaxSnapshots(int n) {
        return new TravelConfig(snapshotInterval, memoryBudget, n);
    }
}
