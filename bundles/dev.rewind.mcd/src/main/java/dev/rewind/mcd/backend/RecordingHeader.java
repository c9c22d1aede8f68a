package dev.rewind.mcd.backend;

import dev.rewind.mcd.timetravel.TimeTravel;
import java.util.List;
import java.util.Objects;

/**
 * What a saved recording says about itself, read without building a machine ({@link McdBackend#readRecording}):
 * the back end's view of the recording file, in MCD-level types only.
 *
 * @param programPath   the program's path as it was recorded
 * @param programSha256 SHA-256 of the recorded program's ELF file, lower-case hex
 * @param harts         harts of the recorded machine
 * @param ramSize       its RAM in bytes
 * @param quantum       its scheduling quantum in instructions
 * @param bookmarks     the recording's bookmarks in time order
 * @param writes        how many debugger writes the recording replays
 * @param endTime       the virtual time where the recording ends
 * @param endStateHash  the machine's state hash at {@code endTime}
 * @param endReason     why recording stopped (e.g. {@code EXITED})
 */
public record RecordingHeader(String programPath, String programSha256, int harts, long ramSize, int quantum,
        List<TimeTravel.Bookmark> bookmarks, int writes, long endTime, long endStateHash, String endReason) {

    public RecordingHeader {
        Objects.requireNonNull(programPath, "programPath");
        Objects.requireNonNull(programSha256, "programSha256");
        Objects.requireNonNull(endReason, "endReason");
        bookmarks = List.copyOf(bookmarks);
    }
}
