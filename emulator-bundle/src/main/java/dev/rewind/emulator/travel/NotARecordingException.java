package dev.rewind.emulator.travel;

import java.io.IOException;

/**
 * Refusal to save a recording over a file that is not one: recordings go to new files, empty files or over
 * earlier recordings only, so a mistyped path never destroys a user's file.
 */
public final class NotARecordingException extends IOException {
    private static final long serialVersionUID = 1L;

    public NotARecordingException(String message) {
        super(message);
    }
}
