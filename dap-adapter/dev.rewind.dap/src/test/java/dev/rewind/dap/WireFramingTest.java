package dev.rewind.dap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Golden wire bytes: exactly what the adapter writes for given request bytes (header, body, seq, order). */
@Timeout(30)
class WireFramingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static final String INITIALIZE_RESPONSE = "{\"type\":\"response\",\"seq\":1,\"request_seq\":1,\"command\":"
            + "\"initialize\",\"success\":true,\"body\":{\"supportsConfigurationDoneRequest\":true,"
            + "\"supportsFunctionBreakpoints\":true,\"supportsConditionalBreakpoints\":true,"
            + "\"supportsHitConditionalBreakpoints\":true,\"supportsEvaluateForHovers\":true,"
            + "\"exceptionBreakpointFilters\":[{\"filter\":\"exceptions\",\"label\":\"Guest exceptions\","
            + "\"description\":\"Stop when a hart takes a synchronous trap\",\"default\":false},"
            + "{\"filter\":\"interrupts\",\"label\":\"Guest interrupts\",\"description\":"
            + "\"Stop when a hart takes an interrupt\",\"default\":false}],\"supportsStepBack\":true,"
            + "\"supportsSetVariable\":true,\"supportsGotoTargetsRequest\":true,"
            + "\"supportsExceptionInfoRequest\":true,\"supportTerminateDebuggee\":true,"
            + "\"supportsDelayedStackTraceLoading\":true,\"supportsLoadedSourcesRequest\":true,"
            + "\"supportsLogPoints\":true,\"supportsSetExpression\":true,"
            + "\"supportsTerminateRequest\":true,\"supportsDataBreakpoints\":true,"
            + "\"supportsReadMemoryRequest\":true,\"supportsWriteMemoryRequest\":true,"
            + "\"supportsDisassembleRequest\":true,\"supportsSteppingGranularity\":true,"
            + "\"supportsInstructionBreakpoints\":true,\"supportsSingleThreadExecutionRequests\":true}}";

    @Test
    void initializeAnsweredThenInitializedEvent() throws Exception {
        try (WireClient c = new WireClient()) {
            c.send(WireClient.frame("{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":"
                    + "{\"adapterID\":\"rewind\",\"linesStartAt1\":true}}"));
            String out = c.awaitMessages(2, WAIT);
            assertThat(out).isEqualTo(WireClient.frame(INITIALIZE_RESPONSE)
                    + WireClient.frame("{\"type\":\"event\",\"seq\":2,\"event\":\"initialized\"}"));
        }
    }

    @Test
    void initializeAnsweredByTheLauncherIsHandledWithoutASecondResponse() throws Exception {
        try (WireClient c = new WireClient(true)) {
            c.send(WireClient.frame("{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":"
                    + "{\"adapterID\":\"rewind\",\"linesStartAt1\":true}}"));
            c.send(WireClient.frame("{\"seq\":2,\"type\":\"request\",\"command\":\"threads\"}"));
            String out = c.awaitMessages(2, WAIT);
            assertThat(out).isEqualTo(WireClient.frame("{\"type\":\"event\",\"seq\":2,\"event\":\"initialized\"}")
                    + WireClient.frame("{\"type\":\"response\",\"seq\":3,\"request_seq\":2,\"command\":\"threads\","
                    + "\"success\":true,\"body\":{\"threads\":[]}}"));
        }
    }

    @Test
    void theLaunchersCapabilitiesFileIsExactlyTheResponseBody() throws Exception {
        try (var in = getClass().getResourceAsStream(dev.rewind.dap.handlers.InitializeHandler.CAPABILITIES)) {
            String file = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(INITIALIZE_RESPONSE).endsWith(",\"body\":" + file + "}");
        }
    }

    @Test
    void unknownCommandGetsAnErrorResponseAndTheNextRequestIsServed() throws Exception {
        try (WireClient c = new WireClient()) {
            c.send(WireClient.frame("{\"seq\":7,\"type\":\"request\",\"command\":\"fly\",\"arguments\":{}}"));
            c.send(WireClient.frame("{\"seq\":8,\"type\":\"request\",\"command\":\"threads\"}"));
            String out = c.awaitMessages(2, WAIT);
            assertThat(out).startsWith(WireClient.frame("{\"type\":\"response\",\"seq\":1,\"request_seq\":7,"
                    + "\"command\":\"fly\",\"success\":false,\"message\":\"Unsupported request method: fly\"}"));
            assertThat(out).endsWith(WireClient.frame("{\"type\":\"response\",\"seq\":2,\"request_seq\":8,"
                    + "\"command\":\"threads\",\"success\":true,\"body\":{\"threads\":[]}}"));
        }
    }

    @Test
    void wrongStateIsAnErrorWithTheReasonAndAnId() throws Exception {
        try (WireClient c = new WireClient()) {
            c.send(WireClient.frame("{\"seq\":3,\"type\":\"request\",\"command\":\"stackTrace\",\"arguments\":"
                    + "{\"threadId\":1}}"));
            assertThat(c.awaitMessages(1, WAIT)).isEqualTo(WireClient.frame("{\"type\":\"response\",\"seq\":1,"
                    + "\"request_seq\":3,\"command\":\"stackTrace\",\"success\":false,\"message\":"
                    + "\"no debug session: send launch or attach first\",\"body\":{\"error\":{\"id\":1002,"
                    + "\"format\":\"no debug session: send launch or attach first\",\"showUser\":false}}}"));
        }
    }

    @Test
    void messagesSplitAnywhereAndBatchedAreAllRead() throws Exception {
        try (WireClient c = new WireClient()) {
            String two = WireClient.frame("{\"seq\":1,\"type\":\"request\",\"command\":\"threads\"}")
                    + WireClient.frame("{\"seq\":2,\"type\":\"request\",\"command\":\"threads\"}");
            for (char ch : two.toCharArray()) {
                c.send(String.valueOf(ch));
            }
            String out = c.awaitMessages(2, WAIT);
            assertThat(out).contains("\"request_seq\":1,").contains("\"request_seq\":2,");
        }
    }

    @Test
    void contentLengthCountsUtf8Bytes() throws Exception {
        try (WireClient c = new WireClient()) {
            c.send(WireClient.frame("{\"seq\":1,\"type\":\"request\",\"command\":\"rewind/goToBookmark\","
                    + "\"arguments\":{\"name\":\"größe\"}}"));
            String out = c.awaitMessages(1, WAIT);
            int header = out.indexOf("\r\n\r\n");
            int declared = Integer.parseInt(out.substring("Content-Length: ".length(), header));
            assertThat(out.substring(header + 4).getBytes(StandardCharsets.UTF_8)).hasSize(declared);
            assertThat(out).contains("\"success\":false");
        }
    }

    @Test
    void garbageBeforeAFrameIsSkipped() throws Exception {
        try (WireClient c = new WireClient()) {
            c.send("Content-Length: 3\r\n\r\n{{{");
            c.send(WireClient.frame("{\"seq\":5,\"type\":\"request\",\"command\":\"threads\"}"));
            assertThat(c.awaitMessages(1, WAIT)).endsWith("\"request_seq\":5,\"command\":\"threads\",\"success\":true,"
                    + "\"body\":{\"threads\":[]}}");
        }
    }
}
