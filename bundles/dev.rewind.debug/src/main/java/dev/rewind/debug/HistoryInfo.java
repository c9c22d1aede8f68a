package dev.rewind.debug;

/**
 * What a session's history holds: its range ({@code time}), the snapshots reverse execution restores and replays
 * from ({@code pinned} of them kept for bookmarks, the others thinned as they age), and the memory they take
 * ({@code bytes}) against the {@code budget}.
 */
public record HistoryInfo(TimeInfo time, int snapshots, int pinned, long bytes, long budget) {

    /** The mean distance between snapshots in virtual time (recent history is denser than old history). */
    public long meanSpacing() {
        return snapshots <= 1 ? time.frontier() - time.earliest() : (time.frontier() - time.earliest()) / snapshots;
    }
}
