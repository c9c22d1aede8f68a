package dev.rewind.mcd.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wire tests with a plain-socket JSON client against a real machine (hello-rv32.elf, 4 harts). */
class WireServerTest {
    static final Path ELF = Path.of("../../tests/guest/elf/hello-rv32.elf");
    static final String CON = "{\"host\":\"\",\"server-port\":0,\"server-key\":\"\",\"system-key\":\"\","
            + "\"device-key\":\"\",\"system\":\"Rewind\",\"system-instance\":\"\",\"acc-hw\":\"\",\"device-type\":0,"
            + "\"device\":\"\",\"device-id\":0,\"core\":\"\",\"core-type\":0,\"core-id\":%d}";
    McdWireServer server;
    WireClient c;

    @BeforeEach
    void start() throws Exception {
        server = McdServerLauncher.launch(ELF, null, 0, 4, null);
        c = new WireClient(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
        server.stop();
    }

    static JsonObject ret(String line) {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        assertThat(o.has("return")).as(line).isTrue();
        return o.getAsJsonObject("return");
    }

    static int status(String line) {
        return ret(line).get("return-status").getAsInt();
    }

    JsonObject errorInfo(int uid) throws Exception {
        return ret(c.call("mcd-qry-error-info", "{\"core-uid\":" + uid + "}"));
    }

    @Test
    void qemuMcdTestSequence() throws Exception {
        assertThat(c.greeting).contains("\"QMP\"");
        assertThat(status(c.call("mcd-initialize",
                "{\"version-req\":{\"v-api-major\":1,\"v-api-minor\":1,\"author\":\"\"}}"))).isZero();
        assertThat(status(c.call("mcd-initialize",
                "{\"version-req\":{\"v-api-major\":1,\"v-api-minor\":2,\"author\":\"\"}}"))).isEqualTo(3);
        assertThat(errorInfo(0).get("error-code").getAsInt()).isEqualTo(0x0F00);
        for (int i = 0; i < 2; i++) {
            JsonObject open = ret(c.call("mcd-open-server", "{\"system-key\":\"\",\"config-string\":\"\"}"));
            assertThat(open.get("return-status").getAsInt()).isZero();
            assertThat(status(c.call("mcd-open-server", "{\"system-key\":\"\",\"config-string\":\"\"}"))).isEqualTo(3);
            assertThat(errorInfo(0).get("error-str").getAsString()).isEqualTo("server already open");
            assertThat(status(c.call("mcd-close-server", "{\"server-uid\":" + open.get("server-uid") + "}"))).isZero();
        }
        JsonObject cores = ret(c.call("mcd-qry-cores", "{\"connection-info\":" + CON.formatted(0)
                + ",\"start-index\":0,\"num-cores\":0}"));
        assertThat(cores.get("num-cores").getAsInt()).isEqualTo(4);
        JsonObject core = ret(c.call("mcd-open-core", "{\"core-con-info\":" + CON.formatted(2) + "}"));
        assertThat(core.get("core-uid").getAsInt()).isEqualTo(3);
        assertThat(core.getAsJsonObject("core-con-info").get("core-id").getAsInt()).isEqualTo(2);
        assertThat(ret(c.call("mcd-qry-mem-spaces", "{\"core-uid\":3,\"start-index\":0,\"num-mem-spaces\":0}"))
                .get("num-mem-spaces").getAsInt()).isEqualTo(3);
        JsonObject ms = ret(c.call("mcd-qry-mem-spaces", "{\"core-uid\":3,\"start-index\":1,\"num-mem-spaces\":1}"));
        assertThat(ms.getAsJsonArray("mem-spaces").get(0).getAsJsonObject().get("mem-type").getAsInt()).isEqualTo(1);
        JsonObject logical = ret(c.call("mcd-qry-mem-spaces", "{\"core-uid\":3,\"start-index\":2,\"num-mem-spaces\":1}"))
                .getAsJsonArray("mem-spaces").get(0).getAsJsonObject();
        assertThat(logical.get("mem-type").getAsInt()).as("MCD_MEM_SPACE_IS_LOGICAL").isEqualTo(0x20);
        assertThat(logical.get("mem-space-id").getAsInt()).isEqualTo(3);
        JsonObject groups = ret(c.call("mcd-qry-reg-groups", "{\"core-uid\":3,\"start-index\":0,\"num-reg-groups\":1}"));
        assertThat(groups.getAsJsonArray("reg-groups").get(0).getAsJsonObject().get("reg-group-name").getAsString())
                .isEqualTo("org.gnu.gdb.riscv.cpu");
        // run and stop with states
        assertThat(status(c.call("mcd-run", "{\"core-uid\":3,\"global\":true}"))).isZero();
        assertThat(status(c.call("mcd-stop", "{\"core-uid\":3,\"global\":true}"))).isZero();
        JsonObject st = ret(c.call("mcd-qry-state", "{\"core-uid\":3}")).getAsJsonObject("state");
        assertThat(st.get("state").getAsInt()).isIn(2, 3);
        assertThat(status(c.call("mcd-close-core", "{\"core-uid\":3}"))).isZero();
        assertThat(status(c.call("mcd-close-core", "{\"core-uid\":3}"))).isEqualTo(3);
        assertThat(errorInfo(3).get("error-str").getAsString()).isEqualTo("core not open: core-uid 3");
    }

    @Test
    void breakpointTxlistReverseStepAndReconnect() throws Exception {
        ret(c.call("mcd-open-core", "{\"core-con-info\":" + CON.formatted(0) + "}"));
        // main of hello-rv32.elf
        String trig = "{\"trig-simple-core\":{\"type\":1,\"option\":0,\"action\":1,\"action-param\":0,"
                + "\"modified\":false,\"state-mask\":0,\"addr-start\":{\"address\":2147486316,\"mem-space-id\":1,"
                + "\"addr-space-id\":0,\"addr-space-type\":0},\"addr-range\":0}}";
        JsonObject t = ret(c.call("mcd-create-trig", "{\"core-uid\":1,\"trig\":" + trig + "}"));
        assertThat(t.getAsJsonObject("trig").getAsJsonObject("trig-simple-core").get("modified").isJsonPrimitive())
                .isTrue();
        int id = t.get("trig-id").getAsInt();
        c.call("mcd-step", "{\"core-uid\":1,\"global\":true,\"step-type\":2,\"n-steps\":1}");
        c.call("mcd-run", "{\"core-uid\":1,\"global\":true}");
        JsonObject st = c.awaitStopped(1); // the client polls, as MCD clients do
        assertThat(st.get("state").getAsInt()).isEqualTo(3);
        assertThat(st.get("trig-id").getAsInt()).isEqualTo(id);
        String readPc = "{\"core-uid\":1,\"txlist\":{\"tx\":[{\"addr\":{\"address\":32,\"mem-space-id\":2,"
                + "\"addr-space-id\":0,\"addr-space-type\":0},\"access-type\":1,\"options\":0,\"access-width\":0,"
                + "\"core-mode\":0,\"data\":[0,0,0,0],\"num-bytes\":4,\"num-bytes-ok\":0}],\"num-tx\":1,\"num-tx-ok\":0}}";
        JsonObject tx = ret(c.call("mcd-execute-txlist", readPc)).getAsJsonObject("txlist");
        assertThat(tx.get("num-tx-ok").getAsInt()).isEqualTo(1);
        assertThat(tx.getAsJsonArray("tx").get(0).getAsJsonObject().getAsJsonArray("data").toString())
                .isEqualTo("[108,10,0,128]");
        c.call("mcd-step", "{\"core-uid\":1,\"global\":false,\"step-type\":2,\"n-steps\":2}");
        // reconnect: no re-open, the core-uid still works
        c.close();
        c = new WireClient(server.port());
        JsonObject back = ret(c.call("rewind-reverse-step", "{\"core-uid\":1,\"n-steps\":2}"));
        assertThat(back.get("return-status").getAsInt()).isZero();
        tx = ret(c.call("mcd-execute-txlist", readPc)).getAsJsonObject("txlist");
        assertThat(tx.getAsJsonArray("tx").get(0).getAsJsonObject().getAsJsonArray("data").toString())
                .isEqualTo("[108,10,0,128]");
    }

    @Test
    void badInputGetsErrorsAndTheServerKeepsServing() throws Exception {
        c.sendRaw("{\"execute\": }");
        assertThat(c.line()).contains("\"error\"").contains("JSON parse error: the request is not valid JSON at column")
                .doesNotContainIgnoringCase("gson").doesNotContain("JsonReader").doesNotContain("https://")
                .doesNotContain("Exception");
        c.sendRaw("{'execute':'mcd-qry-servers'}");
        assertThat(c.line()).contains("not valid JSON").doesNotContain("setStrictness").doesNotContain("https://");
        c.sendRaw("nonsense ");
        assertThat(c.line()).contains("GenericError");
        assertThat(c.call("mcd-bogus", "{}")).contains("CommandNotFound");
        assertThat(c.call("mcd-qry-state", "{\"core-uid\":\"one\"}")).contains("Invalid parameter type");
        assertThat(c.call("mcd-qry-state", "{}")).contains("Parameter 'core-uid' is missing");
        assertThat(status(c.call("mcd-qry-state", "{\"core-uid\":77}"))).isEqualTo(3);
        assertThat(errorInfo(77).get("error-code").getAsInt()).isEqualTo(0x200);
        c.sendRaw("{\"execute\":\"x\",\"arguments\":{\"pad\":\"" + "a".repeat(1_100_000) + "\"}}");
        assertThat(c.line()).contains("request exceeds");
        try (WireClient other = new WireClient(server.port())) {
            assertThat(other.call("qmp_capabilities", "{}")).isEqualTo("{\"return\":{}}");
            assertThat(status(other.call("mcd-qry-systems", "{\"start-index\":0,\"num-systems\":1}"))).isZero();
        }
        // 64 KiB reply limit: a long trace read
        ret(c.call("mcd-open-core", "{\"core-con-info\":" + CON.formatted(0) + "}"));
        String state = "{\"state\":3,\"mode\":1,\"autoarm\":false,\"wraparound\":false,\"frames\":0,\"count\":0,"
                + "\"size\":0,\"trigger-delay\":0,\"timestamp-accuracy\":0,\"timestamp-is-time\":false,\"options\":0}";
        assertThat(status(c.call("mcd-set-trace-state", "{\"core-uid\":1,\"trace-id\":1,\"state\":" + state + "}")))
                .isZero();
        c.call("mcd-step", "{\"core-uid\":1,\"global\":false,\"step-type\":2,\"n-steps\":2000}");
        assertThat(status(c.call("mcd-read-trace",
                "{\"core-uid\":1,\"trace-id\":1,\"start-index\":0,\"num-frames\":1000}"))).isEqualTo(3);
        assertThat(errorInfo(1).get("error-code").getAsInt()).isEqualTo(0x1000);
        JsonObject few = ret(c.call("mcd-read-trace",
                "{\"core-uid\":1,\"trace-id\":1,\"start-index\":0,\"num-frames\":10}"));
        assertThat(few.get("num-frames").getAsInt()).isEqualTo(10);
    }
}
