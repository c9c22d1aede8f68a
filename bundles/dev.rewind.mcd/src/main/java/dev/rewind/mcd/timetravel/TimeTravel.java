package dev.rewind.mcd.timetravel;

import dev.rewind.mcd.api.McdException;
import java.util.List;

/**
 * Time-travel extension of one core connection. Time is the machine's virtual time (global
 * instruction count, the unit of {@code mcd_qry_current_time_f}). Every operation leaves the
 * core in DEBUG state, reachable through the ordinary MCD functions (registers, memory,
 * qry_state), exactly as if the machine had run forward to that point.
 *
 * <p>Reverse watchpoints: the trigger set of the machine (breakpoints and read/write/rw
 * watchpoints created with mcd_create_trig_f) is honoured by {@link #reverseContinue()}:
 * it stops at the most recent earlier point where any of them would have stopped forward
 * execution.
 */
public interface TimeTravel {

    /** Whether the engine currently can travel back (history recorded). */
    boolean available();

    /** Earliest virtual time that can be reached. */
    long earliestTime() throws McdException;

    /**
     * What history holds: its range, the snapshots reverse execution restores (automatic ones thinned as they age,
     * plus the pinned ones kept for bookmarks) and the memory they take against the budget.
     *
     * @throws McdException FN_UNIMPLEMENTED when the back end cannot say
     */
    default History history() throws McdException {
        throw new McdException(dev.rewind.mcd.api.McdErrorCode.FN_UNIMPLEMENTED, "history statistics are not supported");
    }

    /** Step this core's hart back by {@code n} retired instructions. */
    StopInfo reverseStep(int n) throws McdException;

    /** Run backwards to the latest earlier trigger hit, or to the earliest time if there is none. */
    StopInfo reverseContinue() throws McdException;

    /**
     * Reverse watchpoint, "who wrote this?": go back to just after the last guest store (by any
     * hart) that wrote any byte of {@code [addr, addr+len)} before now. The stop names the writing
     * hart, the address, size and value written; if there was no such write, the machine goes to
     * the earliest time and the reason says so (trigId 0).
     */
    StopInfo reverseToLastWrite(long addr, long len) throws McdException;

    /**
     * Ends a {@link #reverseContinue()} or {@link #reverseToLastWrite} in progress on another thread soon; that call
     * then returns where it started, its reason saying it was cancelled. Callable from any thread; does not wait.
     */
    default void cancel() {
    }

    /**
     * Holds harts in global runs and steps (bit i = hart i; 0, the default, holds none): from the next {@code
     * mcd_run_f}, {@code mcd_run_until_f} or {@code mcd_step_f} with {@code global == true} on, these harts stay
     * stopped while the others run (a non-global one runs its core's hart alone anyway). The machine's held set is
     * an input of its history: a run that changes it logs the change with its virtual time (recordings replay it),
     * and in the past starts a new future, as a register write there does. Stepping a held hart globally fails with
     * USAGE.
     *
     * @throws McdException PARAM if the mask names a hart the machine does not have; FN_UNIMPLEMENTED if the back
     *                      end cannot hold harts
     */
    default void hold(long harts) throws McdException {
        if (harts != 0) {
            throw new McdException(dev.rewind.mcd.api.McdErrorCode.FN_UNIMPLEMENTED, "holding harts is not supported");
        }
    }

    /** The mask set with {@link #hold(long)} (what global runs leave stopped). */
    default long holdMask() throws McdException {
        return 0;
    }

    /**
     * The harts the machine holds now (bit i = hart i): those the last run or step left stopped or, after time
     * travel, those history held at this time. A run whose held set differs changes history (see {@link #hold}).
     */
    default long held() throws McdException {
        return 0;
    }

    /** Go to an absolute virtual time (earlier or later). */
    StopInfo goToTime(long time) throws McdException;

    /** Name the current point in time. Replaces a bookmark of the same name. */
    Bookmark addBookmark(String name) throws McdException;

    /** Go to a named point in time. */
    StopInfo goToBookmark(String name) throws McdException;

    /** Remove a bookmark; PARAM if there is none of that name. */
    void deleteBookmark(String name) throws McdException;

    /** All bookmarks ordered by time, then name. */
    List<Bookmark> bookmarks();

    /**
     * Saves the session as a recording ({@code dev.rewind.emulator.travel.Recording}, replayable with {@code
     * rewind replay} or {@code McdBackend.fromRecording}), atomically: the program's path and SHA-256, the
     * machine configuration, the console input log, the debugger writes of the current timeline (register, CSR,
     * pc and memory writes, hart resets: each with its virtual time; writes in abandoned futures are not part of
     * it), the bookmarks, and as its end the newest time reached with the state hash there. The session stays
     * where it is (the machine goes to the newest time and back, silently).
     *
     * @return the recording's end time
     * @throws McdException GENERAL if the file cannot be written (an earlier file there is unchanged)
     */
    default long saveRecording(java.nio.file.Path file) throws McdException {
        throw new McdException(dev.rewind.mcd.api.McdErrorCode.FN_UNIMPLEMENTED, "recordings are not supported");
    }

    /**
     * For a session opened from a recording: goes to the recording's end time and checks the machine's state hash
     * there against the recorded one.
     *
     * @throws McdException GENERAL naming both hashes if the replay diverged; FN_UNIMPLEMENTED if the session was
     *                      not opened from a recording
     */
    default StopInfo verifyRecording() throws McdException {
        throw new McdException(dev.rewind.mcd.api.McdErrorCode.FN_UNIMPLEMENTED, "recordings are not supported");
    }

    /**
     * What history holds: from {@code earliestTime} to {@code newestTime} (the frontier), {@code snapshots} of which
     * {@code pinned} are never thinned (bookmarks), taking {@code bytes} of the {@code budget}.
     */
    record History(long earliestTime, long newestTime, int snapshots, int pinned, long bytes, long budget) {
    }

    /** A named point in virtual time, with the pc of each hart there. */
    record Bookmark(String name, long time) {
    }

    /**
     * Where a time-travel operation stopped: the time, the hart that caused the stop (or
     * this core's hart), the id of the trigger that was hit (0 for none) and a reason.
     */
    record StopInfo(long time, int hart, int trigId, String reason) {
    }
}
