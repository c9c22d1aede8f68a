package dev.rewind.mcd.backend;

import static dev.rewind.mcd.backend.Guest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingException;
import dev.rewind.emulator.travel.RecordingReader;
import dev.rewind.emulator.travel.RecordingWriter;
import dev.rewind.mcd.api.*;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recordings through the MCD layer: a debug session of echo32.elf (console input through the console channel)
 * saved with {@code TimeTravel.saveRecording}, reopened with {@code McdBackend.fromRecording}: the same state
 * hashes at several times, the bookmarks back, the end verified; a different program, a damaged file and a
 * forged end hash refused (debugger writes: {@link RecordedWritesTest}).
 */
class RecordingApiTest {
    @TempDir
    Path dir;

    static long hash(McdApi api) {
        return ((RewindMcd) api).target().engine.stateHash();
    }

    /** echo32.elf with "rewind\n" as console input at time 0, run to its exit. */
    static Guest echoSession(ElfImage img, int harts) throws Exception {
        Guest g = Guest.with(img, McdBackend.builder(img).harts(harts).programPath("echo32.elf").build());
        McdCore core = g.core(harts - 1);
        Channel ch = core.chlOpen(new Channel(0, ChlType.APPLI, 3, 0, Addr.of(1, 0), 0));
        core.sendMsg(ch, "rewind\n".getBytes(StandardCharsets.US_ASCII));
        runToStop(core);
        assertThat(core.qryState().stopStr()).isEqualTo("exited with code 7");
        return g;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void savedSessionReopensWithTheSameStateAtEveryTime(int harts) throws Exception {
        ElfImage img = Guest.image("echo32.elf");
        Guest g = echoSession(img, harts);
        McdCore core = g.core(0);
        TimeTravel tt = core.adapt(TimeTravel.class).orElseThrow();
        long end = core.qryCurrentTime();
        long mid = end / 2;
        tt.goToTime(mid);
        tt.addBookmark("middle");
        long[] times = {0, 1, mid / 3, mid, end - 1, end};
        long[] hashes = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            tt.goToTime(times[i]);
            hashes[i] = hash(g.api);
        }
        tt.goToTime(mid / 3);
        Path file = dir.resolve("echo.rwd");
        assertThat(tt.saveRecording(file)).isEqualTo(end);
        // the session is undisturbed: same time, same state
        assertThat(core.qryCurrentTime()).isEqualTo(mid / 3);
        assertThat(hash(g.api)).isEqualTo(hashes[2]);

        Recording rec = RecordingReader.read(file);
        assertThat(rec.programPath()).isEqualTo("echo32.elf");
        assertThat(rec.programSha256()).isEqualTo(img.sha256());
        assertThat(rec.machine().harts()).isEqualTo(harts);
        assertThat(rec.input()).hasSize(7).allMatch(e -> e.time() == 0);
        assertThat(rec.bookmarks()).extracting(b -> b.name() + "@" + b.time()).containsExactly("middle@" + mid);
        assertThat(rec.endTime()).isEqualTo(end);
        assertThat(rec.endStateHash()).isEqualTo(hashes[5]);

        McdApi re = McdBackend.fromRecording(rec, img).build();
        McdCore rcore = Guest.with(img, re).core(harts - 1);
        TimeTravel rtt = rcore.adapt(TimeTravel.class).orElseThrow();
        assertThat(rcore.qryCurrentTime()).isZero();
        assertThat(rtt.bookmarks()).containsExactly(new TimeTravel.Bookmark("middle", mid));
        TimeTravel.StopInfo v = rtt.verifyRecording();
        assertThat(v.time()).isEqualTo(end);
        assertThat(v.reason()).contains("recording verified");
        assertThat(hash(re)).isEqualTo(hashes[5]);
        for (int i = times.length - 1; i >= 0; i--) {
            rtt.goToTime(times[i]);
            assertThat(hash(re)).as("state hash at time %d", times[i]).isEqualTo(hashes[i]);
        }
        assertThat(rtt.goToBookmark("middle").time()).isEqualTo(mid);
        assertThat(hash(re)).isEqualTo(hashes[3]);
        // saved again from the reopened session: the same recording
        Path again = dir.resolve("again.rwd");
        rtt.saveRecording(again);
        assertThat(RecordingReader.read(again)).isEqualTo(rec);
    }

    @Test
    void reopenedSessionRunsForwardToTheSameExit() throws Exception {
        ElfImage img = Guest.image("echo32.elf");
        Guest g = echoSession(img, 2);
        McdCore core = g.core(0);
        Path file = dir.resolve("run.rwd");
        assertThat(core.executeCommand("record " + file)).isEqualTo("recorded=" + file + " end="
                + core.qryCurrentTime());
        StringBuilder out = new StringBuilder();
        McdApi re = McdBackend.fromRecording(RecordingReader.read(file), img).console(b -> out.append((char) b))
                .build();
        McdCore rcore = Guest.with(img, re).core(1);
        runToStop(rcore);
        assertThat(rcore.qryState().stopStr()).isEqualTo("exited with code 7");
        assertThat(rcore.qryCurrentTime()).isEqualTo(core.qryCurrentTime());
        assertThat(out.toString()).isEqualTo("REWIND\n");
        assertThat(hash(re)).isEqualTo(hash(g.api));
        assertThat(rcore.executeCommand("recording-verify")).startsWith("time=" + core.qryCurrentTime() + " ");
    }

    @Test
    void anotherProgramIsRefused() throws Exception {
        ElfImage img = Guest.image("echo32.elf");
        Guest g = echoSession(img, 1);
        Path file = dir.resolve("echo.rwd");
        g.core(0).adapt(TimeTravel.class).orElseThrow().saveRecording(file);
        Recording rec = RecordingReader.read(file);
        assertThatThrownBy(() -> McdBackend.fromRecording(rec, Guest.image("hello-rv32.elf")))
                .isInstanceOfSatisfying(McdException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(McdErrorCode.PARAM);
                    assertThat(e.getMessage()).contains("program mismatch").contains(rec.programSha256Hex());
                });
    }

    @Test
    void damagedFileAndForgedEndAreRefused() throws Exception {
        ElfImage img = Guest.image("echo32.elf");
        Guest g = echoSession(img, 1);
        Path file = dir.resolve("echo.rwd");
        g.core(0).adapt(TimeTravel.class).orElseThrow().saveRecording(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Path bad = dir.resolve("bad.rwd");
        Files.write(bad, bytes);
        assertThatThrownBy(() -> RecordingReader.read(bad)).isInstanceOf(RecordingException.class)
                .hasMessageContaining("corrupt");

        Recording rec = RecordingReader.read(file);
        Recording forged = new Recording(rec.programPath(), rec.programSha256(), rec.machine(), rec.input(),
                rec.bookmarks(), rec.endTime(), rec.endStateHash() ^ 1, rec.endReason());
        Path f = dir.resolve("forged.rwd");
        RecordingWriter.write(f, forged);
        McdCore core = Guest.with(img, McdBackend.fromRecording(RecordingReader.read(f), img).build()).core(0);
        TimeTravel tt = core.adapt(TimeTravel.class).orElseThrow();
        assertThatThrownBy(tt::verifyRecording).isInstanceOfSatisfying(McdException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(McdErrorCode.GENERAL);
            assertThat(e.getMessage()).contains("replay diverged")
                    .contains(String.format("%016x", rec.endStateHash() ^ 1));
        });
        // a session not opened from a recording has nothing to verify
        assertThatThrownBy(() -> g.core(0).adapt(TimeTravel.class).orElseThrow().verifyRecording())
                .isInstanceOfSatisfying(McdException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.FN_UNIMPLEMENTED));
    }
}
