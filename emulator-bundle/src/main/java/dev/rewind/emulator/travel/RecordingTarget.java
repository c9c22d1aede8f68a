package dev.rewind.emulator.travel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

/** Where a recording may be saved: a new file, an empty regular file, or an existing Rewind recording. */
final class RecordingTarget {
    private RecordingTarget() {
    }

    /** @throws NotARecordingException when {@code target} exists and is anything else */
    static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotARecordingException("refusing to save over " + target + ": it is "
                    + (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) ? "a directory" : Files.isSymbolicLink(
                            target) ? "a symbolic link" : "not a regular file")
                    + "; recordings are saved to new files or over earlier recordings");
        }
        byte[] magic = RecordingWriter.MAGIC;
        byte[] head;
        try (InputStream in = Files.newInputStream(target, LinkOption.NOFOLLOW_LINKS)) {
            head = in.readNBytes(magic.length);
        }
        if (head.length > 0 && !Arrays.equals(head, magic)) {
            throw new NotARecordingException("refusing to save over " + target + ": it is not a Rewind recording;"
                    + " recordings are saved to new files or over earlier recordings");
        }
    }
}
