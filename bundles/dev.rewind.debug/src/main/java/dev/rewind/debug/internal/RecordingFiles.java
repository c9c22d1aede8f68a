package dev.rewind.debug.internal;

import dev.rewind.debug.Bookmark;
import dev.rewind.debug.DebugException;
import dev.rewind.debug.RecordingInfo;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingException;
import dev.rewind.emulator.travel.RecordingReader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Reads what a recording file says about itself, through the recording file format (no machine is built). */
final class RecordingFiles {
    private RecordingFiles() {
    }

    /** @throws DebugException with the reader's explanation: missing, unreadable, corrupt or too new a file */
    static RecordingInfo read(Path file) {
        Recording rec;
        try {
            rec = RecordingReader.read(file);
        } catch (RecordingException e) {
            throw new DebugException(e.getMessage(), e);
        }
        Path program;
        try {
            program = Path.of(rec.programPath());
        } catch (InvalidPathException e) {
            throw new DebugException(file + " names a program that is not a file name here: " + rec.programPath(), e);
        }
        return new RecordingInfo(program, rec.programSha256Hex(), rec.machine().harts(), rec.machine().ramSize(),
                rec.machine().quantum(), rec.bookmarks().stream().map(b -> new Bookmark(b.name(), b.time())).toList(),
                rec.writes().size(), rec.endTime(), rec.endStateHash(), rec.endReason());
    }
}
