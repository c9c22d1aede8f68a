package dev.rewind.emulator.travel;

/**
 * Size of the history kept by a {@link TimeMachine}.
 *
 * @param snapshots    snapshots kept (automatic, bookmarked and explicit)
 * @param pinned       of those, the ones kept for bookmarks and explicit snapshots (never thinned)
 * @param uniquePages  RAM pages held only by history: per snapshot, the pages it does not share with its predecessor
 * @param bytes        estimated bytes held by history (unique pages plus per-snapshot overhead)
 * @param budget       the configured budget in bytes
 * @param earliestTime earliest reachable virtual time
 * @param newestTime   newest point of history (the frontier beyond which execution is live)
 */
public record HistoryStats(int snapshots, int pinned, long uniquePages, long bytes, long budget, long earliestTime,
        long newestTime) {
}
