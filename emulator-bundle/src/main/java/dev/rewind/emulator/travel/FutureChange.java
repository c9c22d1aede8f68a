package dev.rewind.emulator.travel;

import java.util.List;

/**
 * What changing state (memory, a register, a CSR) did to history. Changing state in the past starts a new
 * future: snapshots after the change point and bookmarks after it are discarded, the recorded input after it
 * is dropped, and the newest point of history becomes the change point.
 *
 * @param discarded        whether a recorded future was thrown away (the change happened in the past)
 * @param time             virtual time of the change (the new newest point)
 * @param oldNewestTime    the newest point of history before the change
 * @param droppedBookmarks bookmarks that lay in the discarded future
 */
public record FutureChange(boolean discarded, long time, long oldNewestTime, List<Bookmark> droppedBookmarks) {

    public FutureChange {
        droppedBookmarks = List.copyOf(droppedBookmarks);
    }
}
