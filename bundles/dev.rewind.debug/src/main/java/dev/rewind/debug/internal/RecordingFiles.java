package dev.rewind.debug.internal;

import dev.rewind.debug.Bookmark;
import dev.rewind.debug.DebugException;
import dev.rewind.debug.RecordingInfo;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.backend.McdBackend;
import dev.rewind.mcd.backend.RecordingHeader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Reads what a recording file says about itself, through the MCD back end (no machine is built). */
final class RecordingFiles {
    private RecordingFiles() {
    }

    /** @throws DebugException with the back end's explanation: missing, unreadable, corrupt or too new a file */
    static RecordingInfo read(Path file) {
        RecordingHeader rec;
        try {
            rec = McdBackend.readRecording(file);
        } catch (McdException e) {
            throw new DebugException(e.info(), e);
        }
        Path program;
        try {
            program = Path.of(rec.programPath());
        } catch (InvalidPathException e) {
            throw new DebugException(file + " names a program that is not a file name here: " + rec.programPath(), e);
        }
        return new RecordingInfo(program, rec.programSha256(), rec.harts(), rec.ramSize(), rec.quantum(),
                rec.bookmarks().stream().map(b -> new Bookmark(b.name(), b.time())).toList(), rec.writes(),
                rec.endTime(), rec.endStateHash(), rec.endReason());
    }
}
