package dev.rewind.debug;

import static dev.rewind.debug.Guests.await;
import static dev.rewind.debug.Guests.elf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link DebugSessions#readRecording}: what a saved recording says about itself, before it is opened. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordingInfoTest {
    private final SessionManager manager = new SessionManager();

    @AfterEach
    void end() {
        manager.close();
    }

    @Test
    void describesTheProgramMachineBookmarksAndEndOfASavedSession(@TempDir Path dir) throws Exception {
        Path program = elf("demo-rv32.elf").toAbsolutePath().normalize();
        DebugSession s = await(manager.launch(LaunchConfig.of(program).withHarts(2).withQuantum(500)));
        Stop stepped = await(s.stepInstruction(0, 100));
        Bookmark mark = await(s.addBookmark("early"));
        assertThat(mark.time()).isEqualTo(stepped.time()).isPositive();
        var exit = s.nextStop();
        await(s.resume());
        assertThat(await(exit).reason()).isEqualTo(StopReason.EXIT);
        Path file = dir.resolve("run.rwd");
        long end = await(s.saveRecording(file));

        RecordingInfo info = manager.readRecording(file);
        assertThat(info.program()).isEqualTo(program);
        assertThat(info.programSha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(program))));
        assertThat(info.harts()).isEqualTo(2);
        assertThat(info.quantum()).isEqualTo(500);
        assertThat(info.ramSize()).isPositive();
        assertThat(info.endTime()).isEqualTo(end).isGreaterThan(mark.time());
        assertThat(info.bookmarks()).containsExactly(mark);
        assertThat(info.bookmark("early")).contains(mark);
        assertThat(info.bookmark("late")).isEmpty();
        assertThat(info.writes()).isZero();
        assertThat(info.endReason()).isNotBlank();

        // the program it names opens the recording, on the machine it describes
        DebugSession replay = await(manager.openRecording(file, info.program()));
        assertThat(replay.harts()).isEqualTo(info.harts());
        assertThat(await(replay.bookmarks())).containsExactly(mark);
    }

    @Test
    void missingAndDamagedFilesAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.rwd");
        assertThatThrownBy(() -> manager.readRecording(missing)).isInstanceOf(DebugException.class)
                .hasMessage("no such recording: " + missing);
        Path garbage = Files.writeString(dir.resolve("garbage.rwd"), "not a recording at all");
        assertThatThrownBy(() -> manager.readRecording(garbage)).isInstanceOf(DebugException.class)
                .hasMessageContaining(garbage + " is not a Rewind recording");
        assertThat(manager.sessions()).isEmpty();
    }
}
