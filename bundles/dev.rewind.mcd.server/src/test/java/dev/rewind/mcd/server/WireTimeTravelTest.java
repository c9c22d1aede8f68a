package dev.rewind.mcd.server;

import static dev.rewind.mcd.server.WireServerTest.CON;
import static dev.rewind.mcd.server.WireServerTest.ret;
import static dev.rewind.mcd.server.WireServerTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Watchpoints, memory-write txlists and time travel over the wire with the plain-socket client
 * (hello-rv32.elf on 4 harts; {@code ticket} at 0x80002018 is the word hart K waits on and increments).
 */
class WireTimeTravelTest {
    static final long TICKET = 0x8000_2018L;
    McdWireServer server;
    WireClient c;

    @BeforeEach
    void start() throws Exception {
        server = McdServerLauncher.launch(WireServerTest.ELF, null, 0, 4, null);
        c = new WireClient(server.port());
        ret(c.call("mcd-open-core", "{\"core-con-info\":" + CON.formatted(3) + "}")); // core-uid 4 = hart 3
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
        server.stop();
    }

    static String addr(long a, int space) {
        return "{\"address\":" + a + ",\"mem-space-id\":" + space + ",\"addr-space-id\":0,\"addr-space-type\":0}";
    }

    static String tx(long a, int access, String data, int n) {
        return "{\"core-uid\":4,\"txlist\":{\"tx\":[{\"addr\":" + addr(a, 1) + ",\"access-type\":" + access
                + ",\"options\":0,\"access-width\":0,\"core-mode\":0,\"data\":" + data + ",\"num-bytes\":" + n
                + ",\"num-bytes-ok\":0}],\"num-tx\":1,\"num-tx-ok\":0}}";
    }

    String readTicket() throws Exception {
        JsonObject t = ret(c.call("mcd-execute-txlist", tx(TICKET, 1, "[0,0,0,0]", 4))).getAsJsonObject("txlist");
        return t.getAsJsonArray("tx").get(0).getAsJsonObject().getAsJsonArray("data").toString();
    }

    JsonObject waitStopped() throws Exception {
        return c.awaitStopped(4);
    }

    @Test
    void watchpointMemoryWriteReverseStepContinueBookmarksAndWhoWrote() throws Exception {
        String wp = "{\"trig-simple-core\":{\"type\":4,\"option\":0,\"action\":1,\"action-param\":0,"
                + "\"modified\":false,\"state-mask\":0,\"addr-start\":" + addr(TICKET, 1) + ",\"addr-range\":3}}";
        JsonObject t = ret(c.call("mcd-create-trig", "{\"core-uid\":4,\"trig\":" + wp + "}"));
        int id = t.get("trig-id").getAsInt();
        c.call("mcd-run", "{\"core-uid\":4,\"global\":true}");
        JsonObject st = waitStopped();
        assertThat(st.get("state").getAsInt()).isEqualTo(3);
        assertThat(st.get("trig-id").getAsInt()).isEqualTo(id);
        assertThat(st.get("hw-thread-id").getAsInt()).isEqualTo(3);
        assertThat(readTicket()).isEqualTo("[4,0,0,0]"); // hart 3's increment
        long hit = ret(c.call("mcd-qry-current-time", "{\"core-uid\":4}")).get("current-time").getAsLong();
        JsonObject bm = ret(c.call("rewind-bookmark-add", "{\"core-uid\":4,\"name\":\"hit\"}"));
        assertThat(bm.get("time").getAsLong()).isEqualTo(hit);
        // who wrote ticket before hart 3? hart 2
        JsonObject who = ret(c.call("rewind-reverse-to-write", "{\"core-uid\":4,\"address\":" + TICKET
                + ",\"length\":4}"));
        assertThat(who.get("return-status").getAsInt()).isZero();
        assertThat(who.get("hw-thread-id").getAsInt()).isEqualTo(2);
        assertThat(who.get("reason").getAsString()).contains("wrote 4 bytes");
        assertThat(readTicket()).isEqualTo("[3,0,0,0]");
        // forward to the watchpoint again, then back with reverse-continue: no earlier hit of hart 3
        c.call("mcd-run", "{\"core-uid\":4,\"global\":true}");
        assertThat(waitStopped().get("trig-id").getAsInt()).isEqualTo(id);
        JsonObject rc = ret(c.call("rewind-reverse-continue", "{\"core-uid\":4}"));
        assertThat(rc.get("time").getAsLong()).isZero();
        // reverse step from the bookmark
        assertThat(ret(c.call("rewind-bookmark-goto", "{\"core-uid\":4,\"name\":\"hit\"}")).get("time").getAsLong())
                .isEqualTo(hit);
        JsonObject rs = ret(c.call("rewind-reverse-step", "{\"core-uid\":4,\"n-steps\":1}"));
        assertThat(rs.get("time").getAsLong()).isLessThan(hit);
        assertThat(readTicket()).isEqualTo("[3,0,0,0]"); // before hart 3's amoadd
        JsonObject list = ret(c.call("rewind-bookmark-list", "{\"core-uid\":4}"));
        assertThat(list.get("num-bookmarks").getAsInt()).isEqualTo(1);
        // a memory write in the past through a txlist (access-type 2 = write): a new future
        JsonObject w = ret(c.call("mcd-execute-txlist", tx(0x8100_0000L, 2, "[1,2,3,4]", 4)))
                .getAsJsonObject("txlist");
        assertThat(w.get("num-tx-ok").getAsInt()).isEqualTo(1);
        assertThat(ret(c.call("rewind-bookmark-list", "{\"core-uid\":4}")).get("num-bookmarks").getAsInt()).isZero();
        JsonObject back = ret(c.call("mcd-execute-txlist", tx(0x8100_0000L, 1, "[0,0,0,0]", 4)))
                .getAsJsonObject("txlist");
        assertThat(back.getAsJsonArray("tx").get(0).getAsJsonObject().getAsJsonArray("data").toString())
                .isEqualTo("[1,2,3,4]");
        // the same through mcd-execute-command, and bad input
        JsonObject cmd = ret(c.call("mcd-execute-command", "{\"core-uid\":4,\"command-string\":\"time\"}"));
        assertThat(cmd.get("result-string").getAsString()).startsWith("time=");
        assertThat(status(c.call("rewind-reverse-to-write", "{\"core-uid\":4,\"address\":0,\"length\":0}")))
                .isEqualTo(3);
        assertThat(c.call("rewind-reverse-to-write", "{\"core-uid\":4}")).contains("Parameter 'address' is missing");
        assertThat(status(c.call("rewind-bookmark-goto", "{\"core-uid\":4,\"name\":\"gone\"}"))).isEqualTo(3);
    }
}
