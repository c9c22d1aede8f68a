package dev.rewind.mcd.server;

import static dev.rewind.mcd.server.WireServerTest.CON;
import static dev.rewind.mcd.server.WireServerTest.ret;
import static dev.rewind.mcd.server.WireServerTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.rewind.emulator.travel.DebuggerWrite;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingReader;
import dev.rewind.emulator.travel.RecordingWriter;
import dev.rewind.emulator.travel.WriteEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rewind-open-recording} with the plain-socket client (hello-rv32.elf, 4 harts): a session with debugger
 * writes saved, reopened over the wire with its cores ready at time 0, the writes there at their times, the
 * recording verified; a missing, corrupt or mismatched file answered with an MCD error while the current session
 * keeps serving.
 */
class WireOpenRecordingTest {
    @TempDir
    Path dir;
    McdWireServer server;
    WireClient c;

    @BeforeEach
    void start() throws Exception {
        server = McdServerLauncher.launch(WireServerTest.ELF, null, 0, 4, null);
        c = new WireClient(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
        server.stop();
    }

    static String json(Path p) {
        return "\"" + p.toString().replace("\\", "\\\\") + "\"";
    }

    static String tx(int uid, int space, long addr, int access, String data) {
        return "{\"core-uid\":" + uid + ",\"txlist\":{\"tx\":[{\"addr\":{\"address\":" + addr + ",\"mem-space-id\":"
                + space + ",\"addr-space-id\":0,\"addr-space-type\":0},\"access-type\":" + access + ",\"options\":0,"
                + "\"access-width\":0,\"core-mode\":0,\"data\":" + data + ",\"num-bytes\":4,\"num-bytes-ok\":0}],"
                + "\"num-tx\":1,\"num-tx-ok\":0}}";
    }

    String read(WireClient w, int uid, int space, long addr) throws Exception {
        JsonObject t = ret(w.call("mcd-execute-txlist", tx(uid, space, addr, 1, "[0,0,0,0]")))
                .getAsJsonObject("txlist");
        return t.getAsJsonArray("tx").get(0).getAsJsonObject().getAsJsonArray("data").toString();
    }

    long time(WireClient w, int uid) throws Exception {
        return ret(w.call("mcd-qry-current-time", "{\"core-uid\":" + uid + "}")).get("current-time").getAsLong();
    }

    void runUntil(int uid, long t) throws Exception {
        c.call("mcd-run-until", "{\"core-uid\":" + uid + ",\"global\":true,\"absolute-time\":true,"
                + "\"run-until-time\":" + t + "}");
        while (ret(c.call("mcd-qry-state", "{\"core-uid\":" + uid + "}")).getAsJsonObject("state").get("state")
                .getAsInt() == 1) {
            assertThat(c.socket.isConnected()).isTrue();
        }
    }

    String errorStr() throws Exception {
        return ret(c.call("mcd-qry-error-info", "{\"core-uid\":0}")).get("error-str").getAsString();
    }

    @Test
    void aRecordingWithWritesOpensOverTheWireWithItsCoresReady() throws Exception {
        ret(c.call("mcd-open-core", "{\"core-con-info\":" + CON.formatted(2) + "}")); // core-uid 3 = hart 2
        runUntil(3, 3000);
        ret(c.call("mcd-execute-txlist", tx(3, 2, 6, 2, "[239,190,173,222]"))); // x6 of hart 2 = 0xdeadbeef
        ret(c.call("mcd-execute-txlist", tx(3, 1, 0x8100_0000L, 2, "[1,2,3,4]")));
        runUntil(3, 6000);
        ret(c.call("rewind-bookmark-add", "{\"core-uid\":3,\"name\":\"later\"}"));
        Path file = dir.resolve("session.rwd");
        assertThat(ret(c.call("rewind-save-recording", "{\"core-uid\":3,\"path\":" + json(file) + "}"))
                .get("end-time").getAsLong()).isEqualTo(6000);
        assertThat(RecordingReader.read(file).writes()).hasSize(2);
        runUntil(3, 9000); // the live session goes on; opening the recording replaces it

        JsonObject open = ret(c.call("rewind-open-recording", "{\"path\":" + json(file) + "}"));
        assertThat(open.get("return-status").getAsInt()).isZero();
        assertThat(open.get("num-cores").getAsInt()).isEqualTo(4);
        assertThat(open.get("time").getAsLong()).isZero();
        assertThat(open.get("end-time").getAsLong()).isEqualTo(6000);
        assertThat(open.get("num-writes").getAsInt()).isEqualTo(2);
        assertThat(open.get("program").getAsString()).isEqualTo(WireServerTest.ELF.toAbsolutePath().normalize()
                .toString());
        // every core is open (core-uid = hart + 1) at time 0, in DEBUG
        for (int uid = 1; uid <= 4; uid++) {
            assertThat(time(c, uid)).isZero();
            assertThat(ret(c.call("mcd-qry-state", "{\"core-uid\":" + uid + "}")).getAsJsonObject("state")
                    .get("state").getAsInt()).isEqualTo(3);
        }
        assertThat(read(c, 1, 1, 0x8100_0000L)).isEqualTo("[0,0,0,0]");
        assertThat(ret(c.call("rewind-bookmark-goto", "{\"core-uid\":1,\"name\":\"later\"}")).get("time")
                .getAsLong()).isEqualTo(6000);
        assertThat(read(c, 3, 2, 6)).isEqualTo("[239,190,173,222]");
        assertThat(read(c, 1, 1, 0x8100_0000L)).isEqualTo("[1,2,3,4]");
        ret(c.call("rewind-goto-time", "{\"core-uid\":1,\"time\":2999}"));
        assertThat(read(c, 1, 1, 0x8100_0000L)).isEqualTo("[0,0,0,0]");
        JsonObject verify = ret(c.call("mcd-execute-command", "{\"core-uid\":2,\"command-string\":"
                + "\"recording-verify\"}"));
        assertThat(verify.get("return-status").getAsInt()).isZero();
        assertThat(verify.get("result-string").getAsString()).startsWith("time=6000 ").contains("recording verified");
        // a second client sees the same session
        try (WireClient other = new WireClient(server.port())) {
            assertThat(time(other, 4)).isEqualTo(6000);
        }
        // no server is open: a client that opens one first (as QEMU's tools do) may
        assertThat(status(c.call("mcd-open-server", "{\"system-key\":\"\",\"config-string\":\"\"}"))).isZero();
    }

    @Test
    void missingCorruptAndMismatchedFilesAreMcdErrorsAndTheSessionStays() throws Exception {
        ret(c.call("mcd-open-core", "{\"core-con-info\":" + CON.formatted(0) + "}"));
        runUntil(1, 2000);
        Path file = dir.resolve("ok.rwd");
        ret(c.call("rewind-save-recording", "{\"core-uid\":1,\"path\":" + json(file) + "}"));

        assertThat(status(c.call("rewind-open-recording", "{\"path\":" + json(dir.resolve("none.rwd")) + "}")))
                .isEqualTo(3);
        assertThat(errorStr()).startsWith("no such recording: ");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Path bad = dir.resolve("bad.rwd");
        Files.write(bad, bytes);
        assertThat(status(c.call("rewind-open-recording", "{\"path\":" + json(bad) + "}"))).isEqualTo(3);
        assertThat(errorStr()).contains("is corrupt");
        Path other = WireServerTest.ELF.resolveSibling("hello-rv64.elf");
        assertThat(status(c.call("rewind-open-recording", "{\"path\":" + json(file) + ",\"program\":" + json(other)
                + "}"))).isEqualTo(3);
        assertThat(errorStr()).startsWith("program mismatch");
        assertThat(status(c.call("rewind-open-recording", "{\"path\":" + json(file) + ",\"program\":"
                + json(dir.resolve("gone.elf")) + "}"))).isEqualTo(3);
        assertThat(errorStr()).contains("gone.elf is missing");
        assertThat(status(c.call("rewind-open-recording", "{\"path\":" + json(file) + ",\"program\":" + json(file)
                + "}"))).isEqualTo(3);
        assertThat(errorStr()).contains("is not a usable RISC-V ELF");
        Recording rec = RecordingReader.read(file);
        Path diverging = dir.resolve("diverging.rwd");
        RecordingWriter.write(diverging, new Recording(rec.programPath(), rec.programSha256(), rec.machine(),
                rec.input(), List.of(new WriteEvent(100, DebuggerWrite.register(0, 5, 1), 0)), rec.bookmarks(),
                rec.endTime(), rec.endStateHash(), rec.endReason()));
        assertThat(status(c.call("rewind-open-recording", "{\"path\":" + json(diverging) + "}"))).isEqualTo(3);
        assertThat(errorStr()).startsWith("cannot open the recording " + diverging + ": replay diverged at debugger "
                + "write #0 at time 100");
        assertThat(c.call("rewind-open-recording", "{}")).contains("Parameter 'path' is missing");
        assertThat(c.call("rewind-open-recording", "{\"path\":7}")).contains("Invalid parameter type for 'path'");
        // the live session is untouched
        assertThat(time(c, 1)).isEqualTo(2000);
        runUntil(1, 2500);
        assertThat(time(c, 1)).isEqualTo(2500);
    }
}
