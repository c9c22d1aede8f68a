package dev.rewind.mcd.backend;

import dev.rewind.emulator.travel.Bookmark;
import dev.rewind.emulator.travel.InputLog;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.TimeMachine;
import java.util.List;
import java.util.TreeSet;

/**
 * Recordings of one {@link MachineEngine} session: the program's identity (path and SHA-256 of the ELF), the
 * recording the session was opened from (if any), and the debugger writes still in history. A recording replays
 * the program and its console input from the start, so a session whose history holds writes by the debugger
 * (registers, memory, CSRs, a hart reset) cannot be saved as one: it would not replay to the same state.
 */
final class SessionRecording {
    private final String programPath;
    private final byte[] programSha256;
    private final Recording opened;
    /** Virtual times of debugger writes that are part of the current history (ordered, no hash order). */
    private final TreeSet<Long> edits = new TreeSet<>();

    SessionRecording(String programPath, byte[] programSha256, Recording opened) {
        this.programPath = programPath;
        this.programSha256 = programSha256.clone();
        this.opened = opened;
    }

    /** The recording the session was opened from, or null. */
    Recording opened() {
        return opened;
    }

    /** The input log a machine of this session starts with (the recorded input, or null for a fresh one). */
    InputLog initialInput() {
        return opened == null ? null : new InputLog(opened.input());
    }

    /** Recreates the opened recording's bookmarks (no-op for a fresh session). */
    void restoreBookmarks(TimeMachine tm) {
        if (opened != null) {
            for (Bookmark b : opened.bookmarks()) {
                tm.addBookmarkAt(b.name(), b.description(), b.time());
            }
        }
    }

    /** The debugger wrote machine state at {@code now}: a new future from there, holding this write. */
    void edited(long now) {
        edits.tailSet(now, false).clear();
        edits.add(now);
    }

    /** History after {@code now} was discarded (input in the past, a system reset). */
    void futureDropped(long now) {
        edits.tailSet(now, false).clear();
    }

    /**
     * The session as a recording: end = the newest time reached, with the state hash there (the machine goes
     * there and comes back to its current time; replays are silent).
     *
     * @throws IllegalStateException if debugger writes are part of the history
     */
    Recording capture(TimeMachine tm) {
        if (!edits.isEmpty()) {
            throw new IllegalStateException("the session's history holds debugger writes (registers, memory, CSRs "
                    + "or a hart reset) at time " + edits.first() + "; a recording replays only the program and its "
                    + "console input, so it would not reach the same state (reset the system to record)");
        }
        long now = tm.time();
        long end = tm.newestTime();
        if (now != end) {
            tm.goToTime(end);
        }
        long hash = tm.machine().stateHash();
        long reached = tm.time();
        if (now != end) {
            tm.goToTime(now);
        }
        if (reached != end) {
            throw new IllegalStateException("the newest point of history (time " + end + ") could not be reached "
                    + "again (stopped at " + reached + ")");
        }
        List<InputLog.Entry> input = tm.input().map(InputLog::entries).orElse(List.of()).stream()
                .filter(e -> e.time() <= end).toList();
        List<Bookmark> marks = tm.bookmarks().stream().filter(b -> b.time() <= end).toList();
        return new Recording(programPath, programSha256, tm.machine().config(), input, marks, end, hash,
                "MCD_SESSION");
    }
}
