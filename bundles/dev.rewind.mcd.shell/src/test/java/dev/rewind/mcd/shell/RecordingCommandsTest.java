package dev.rewind.mcd.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.mcd.api.CoreExecState;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record} and {@code replay} in a real Gogo session: what a recording holds comes from the debug services
 * (program, harts, end, bookmarks), and every way a replay can be refused says why.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordingCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CommandSession session = new CommandProcessorImpl().createSession(InputStream.nullInputStream(),
            out, new ByteArrayOutputStream());
    private final RecordingCommands commands = new RecordingCommands(McdTargetTest.SESSIONS);

    @AfterEach
    void close() {
        if (session.get(Sessions.TARGET) instanceof McdTarget t) {
            t.close();
        }
        session.close();
    }

    private String output() {
        session.getConsole().flush();
        String s = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return s;
    }

    @Test
    void replaysTheRecordedProgramToItsEndAndToABookmark(@TempDir Path dir) throws Exception {
        // the program as a copy that goes away: the recording names the copy
        Path copy = Files.copy(McdTargetTest.ELF.resolve("hello-rv32.elf"), dir.resolve("hello.elf"));
        McdTarget live = McdTarget.load(McdTargetTest.SESSIONS, copy, 1, 0);
        Sessions.replace(session, live);
        live.step(0, 50);
        long marked = live.time();
        live.travel(0).addBookmark("early");
        assertThat(live.run(0).state()).isEqualTo(CoreExecState.HALTED);
        Path file = dir.resolve("hello.rwd");
        commands.record(session, file.toString());
        Matcher recorded = Pattern.compile("recorded .*hello\\.elf to .*hello\\.rwd \\(time 0\\.\\.(\\d+), 1 bookmark\\)")
                .matcher(output());
        assertThat(recorded.find()).isTrue();
        long end = Long.parseLong(recorded.group(1));

        commands.replay(session, file.toString());
        assertThat(output()).startsWith("replayed " + file + " (" + copy.toAbsolutePath().normalize() + ", 1 hart) to "
                + "its end at time " + end + ": state hash ").contains(" matches");
        McdTarget replayed = Sessions.target(session);
        assertThat(replayed.time()).isEqualTo(end);
        assertThat(replayed.console()).isEqualTo("hello from hart 0\n");

        assertThatThrownBy(() -> commands.replay(session, file.toString(), "--to-bookmark", "late"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replay: the recording has no bookmark 'late' (it has: [early])");
        Files.delete(copy);
        assertThatThrownBy(() -> commands.replay(session, file.toString()))
                .hasMessage("replay: the recorded program " + copy.toAbsolutePath().normalize()
                        + " is missing (give it with --program)");
        // the same bytes elsewhere are the recorded program
        commands.replay(session, file.toString(), "--program", McdTargetTest.ELF.resolve("hello-rv32.elf").toString(),
                "--to-bookmark", "early");
        assertThat(output()).contains("to its end at time " + end).contains("hart 0 stopped at 0x")
                .contains(", time " + marked);
        assertThat(Sessions.target(session).time()).isEqualTo(marked);
    }

    @Test
    void damagedRecordingsAndProgramsThatAreNotElfAreRefused(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.rwd"), "no recording here");
        assertThatThrownBy(() -> commands.replay(session, garbage.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replay: " + garbage + " is not a Rewind recording (bad magic)");
        Path none = dir.resolve("none.rwd");
        assertThatThrownBy(() -> commands.replay(session, none.toString())).hasMessage("replay: no such recording: " + none);

        Path program = McdTargetTest.ELF.resolve("hello-rv32.elf");
        Sessions.replace(session, McdTarget.load(McdTargetTest.SESSIONS, program, 1, 0)); // closed after the test
        commands.record(session, dir.resolve("r.rwd").toString());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an ELF");
        assertThatThrownBy(() -> commands.replay(session, dir.resolve("r.rwd").toString(), "--program", text.toString()))
                .hasMessageStartingWith("replay: " + text + " is not a usable RISC-V ELF: ");
        assertThatThrownBy(() -> commands.replay(session, dir.resolve("r.rwd").toString(), "--program",
                McdTargetTest.ELF.resolve("exit-code-rv32.elf").toString()))
                .hasMessageStartingWith("replay: program mismatch");
    }
}
