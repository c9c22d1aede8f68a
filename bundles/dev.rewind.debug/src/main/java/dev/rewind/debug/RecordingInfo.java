package dev.rewind.debug;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a saved recording holds, read without opening it ({@link DebugSessions#readRecording}): which program it was
 * made from, the machine it ran on, its bookmarks and its end point. A front end uses it to find the program to open
 * the recording with ({@link DebugSessions#openRecording}) and to check a bookmark name before opening.
 *
 * @param program       the program's path as it was recorded (relative paths are relative to where it was recorded)
 * @param programSha256 SHA-256 of the recorded program's ELF file, lower-case hex
 * @param harts         harts of the recorded machine
 * @param ramSize       its RAM in bytes
 * @param quantum       its scheduling quantum in instructions
 * @param bookmarks     the recording's bookmarks in time order
 * @param writes        how many debugger writes (registers, memory, resets, held harts) the recording replays
 * @param endTime       the virtual time where the recording ends
 * @param endStateHash  the machine's state hash at {@code endTime}, which a replay checks
 * @param endReason     why recording stopped (e.g. {@code EXITED}), for people
 */
public record RecordingInfo(Path program, String programSha256, int harts, long ramSize, int quantum,
        List<Bookmark> bookmarks, int writes, long endTime, long endStateHash, String endReason) {

    public RecordingInfo {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(programSha256, "programSha256");
        Objects.requireNonNull(endReason, "endReason");
        bookmarks = List.copyOf(bookmarks);
    }

    /** The bookmark called {@code name}. */
    public Optional<Bookmark> bookmark(String name) {
        return bookmarks.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
