package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings are saved to new files, empty files or over earlier recordings, never over anything else. */
class RecordingTargetTest {
    @TempDir
    Path dir;

    @Test
    void savesToNewEmptyOrRecordingFiles() throws Exception {
        Recording r = RecordingFormatTest.sample();
        Path fresh = dir.resolve("new.rwd");
        RecordingWriter.write(fresh, r);
        RecordingWriter.write(fresh, r);                 // over an earlier recording
        assertThat(RecordingReader.read(fresh)).isEqualTo(r);
        Path empty = Files.createFile(dir.resolve("empty.rwd"));
        RecordingWriter.write(empty, r);
        assertThat(RecordingReader.read(empty)).isEqualTo(r);
    }

    @Test
    void refusesToOverwriteAnythingElse() throws Exception {
        Recording r = RecordingFormatTest.sample();
        Path profile = Files.writeString(dir.resolve(".profile"), "export PATH=$HOME/bin:$PATH\n");
        assertThatThrownBy(() -> RecordingWriter.write(profile, r)).isInstanceOf(NotARecordingException.class)
                .hasMessageContaining("not a Rewind recording").hasMessageContaining(profile.toString());
        assertThat(Files.readString(profile)).isEqualTo("export PATH=$HOME/bin:$PATH\n");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> RecordingWriter.write(sub, r)).isInstanceOf(NotARecordingException.class)
                .hasMessageContaining("a directory");
        Path link = Files.createSymbolicLink(dir.resolve("link.rwd"), profile);
        assertThatThrownBy(() -> RecordingWriter.write(link, r)).isInstanceOf(NotARecordingException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(profile)).as("the link's target is untouched").startsWith("export");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder(".profile", "sub", "link.rwd");
        }
    }
}
