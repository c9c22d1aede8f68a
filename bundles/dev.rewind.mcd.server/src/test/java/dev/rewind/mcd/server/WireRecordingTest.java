package dev.rewind.mcd.server;

import static dev.rewind.mcd.server.WireServerTest.CON;
import static dev.rewind.mcd.server.WireServerTest.ret;
import static dev.rewind.mcd.server.WireServerTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewind-save-recording} and the {@code record} command string over the wire (hello-rv32.elf, 4 harts). */
class WireRecordingTest {
    @TempDir
    Path dir;

    @Test
    void saveRecordingOfALiveSession() throws Exception {
        McdWireServer server = McdServerLauncher.launch(WireServerTest.ELF, null, 0, 4, null);
        try (WireClient c = new WireClient(server.port())) {
            ret(c.call("mcd-open-core", "{\"core-con-info\":" + CON.formatted(0) + "}")); // core-uid 1 = hart 0
            c.call("mcd-run-until", "{\"core-uid\":1,\"global\":true,\"absolute-time\":true,\"run-until-time\":5000}");
            c.awaitStopped(1);
            ret(c.call("rewind-bookmark-add", "{\"core-uid\":1,\"name\":\"here\"}"));
            ret(c.call("rewind-goto-time", "{\"core-uid\":1,\"time\":100}"));
            Path file = dir.resolve("wire.rwd");
            JsonObject r = ret(c.call("rewind-save-recording",
                    "{\"core-uid\":1,\"path\":\"" + file.toString().replace("\\", "\\\\") + "\"}"));
            assertThat(r.get("end-time").getAsLong()).isEqualTo(5000);
            assertThat(r.get("path").getAsString()).isEqualTo(file.toString());
            Recording rec = RecordingReader.read(file);
            assertThat(rec.endTime()).isEqualTo(5000);
            assertThat(rec.machine().harts()).isEqualTo(4);
            assertThat(rec.programPath()).isEqualTo(WireServerTest.ELF.toAbsolutePath().normalize().toString());
            assertThat(rec.bookmarks()).extracting(b -> b.name() + "@" + b.time()).containsExactly("here@5000");
            // the session stayed at time 100
            JsonObject t = ret(c.call("mcd-execute-command", "{\"core-uid\":1,\"command-string\":\"time\"}"));
            assertThat(t.get("result-string").getAsString()).isEqualTo("time=100");
            JsonObject cmd = ret(c.call("mcd-execute-command", "{\"core-uid\":1,\"command-string\":\"record "
                    + dir.resolve("cmd.rwd").toString().replace("\\", "\\\\") + "\"}"));
            assertThat(cmd.get("result-string").getAsString()).endsWith(" end=5000");
            assertThat(RecordingReader.read(dir.resolve("cmd.rwd"))).isEqualTo(rec);
            // a directory that does not exist: an MCD error, nothing written
            assertThat(status(c.call("rewind-save-recording", "{\"core-uid\":1,\"path\":\""
                    + dir.resolve("no/such/dir.rwd").toString().replace("\\", "\\\\") + "\"}"))).isNotZero();
            assertThat(c.call("rewind-save-recording", "{\"core-uid\":1}")).contains("Parameter 'path' is missing");
            // never over a file that is not a recording: refused, the file unchanged, the reason in error info
            Path rc = java.nio.file.Files.writeString(dir.resolve(".bashrc"), "alias ls='ls -F'\n");
            assertThat(status(c.call("rewind-save-recording", "{\"core-uid\":1,\"path\":\""
                    + rc.toString().replace("\\", "\\\\") + "\"}"))).isEqualTo(3);
            assertThat(java.nio.file.Files.readString(rc)).isEqualTo("alias ls='ls -F'\n");
            JsonObject info = ret(c.call("mcd-qry-error-info", "{\"core-uid\":1}"));
            assertThat(info.toString()).contains("not a Rewind recording").doesNotContain("Exception");
            assertThat(status(c.call("rewind-save-recording", "{\"core-uid\":1,\"path\":\""
                    + file.toString().replace("\\", "\\\\") + "\"}"))).as("over an earlier recording").isZero();
        } finally {
            server.stop();
        }
    }
}
