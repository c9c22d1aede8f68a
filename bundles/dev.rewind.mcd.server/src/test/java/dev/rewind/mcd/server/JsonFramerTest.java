package dev.rewind.mcd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFramerTest {
    private final List<String> values = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final JsonFramer framer = new JsonFramer(64, new JsonFramer.Sink() {
        @Override
        public void value(String json) {
            values.add(json);
        }

        @Override
        public void error(String desc) {
            errors.add(desc);
        }
    });

    private void feed(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        framer.feed(b, 0, b.length);
    }

    @Test
    void valuesBackToBackWithoutNewlines() {
        feed("{\"execute\":\"a\"}{\"execute\":\"b\",\"arguments\":{\"x\":[1,{}]}}[1]");
        assertThat(values).containsExactly("{\"execute\":\"a\"}",
                "{\"execute\":\"b\",\"arguments\":{\"x\":[1,{}]}}", "[1]");
        assertThat(errors).isEmpty();
    }

    @Test
    void valueSplitAcrossReadsByteByByte() {
        String msg = " \r\n{\"k\":\"v\"}\n\t{\"n\":2}";
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            framer.feed(b, i, 1);
            if (i < b.length - 1) {
                assertThat(values).hasSizeLessThan(2);
            }
        }
        assertThat(values).containsExactly("{\"k\":\"v\"}", "{\"n\":2}");
    }

    @Test
    void bracketsAndEscapedQuotesInsideStringsDoNotEndTheValue() {
        feed("{\"s\":\"}]{[\\\"\\\\\"}{\"t\":1}");
        assertThat(values).containsExactly("{\"s\":\"}]{[\\\"\\\\\"}", "{\"t\":1}");
    }

    @Test
    void multiByteUtf8PassesThrough() {
        feed("{\"s\":\"Grüße → 時間\"}");
        assertThat(values).containsExactly("{\"s\":\"Grüße → 時間\"}");
    }

    @Test
    void garbageIsReportedOnceThenTheStreamResynchronises() {
        feed("hello world {\"ok\":1}");
        assertThat(errors).hasSize(2).allMatch(e -> e.startsWith("JSON parse error"));
        assertThat(errors.get(0)).contains("'h'");
        assertThat(values).containsExactly("{\"ok\":1}");
    }

    @Test
    void garbageRunWithoutWhitespaceIsOneError() {
        feed("xyz{\"ok\":1}");
        assertThat(errors).hasSize(1);
        assertThat(values).containsExactly("{\"ok\":1}");
    }

    @Test
    void oversizedValueIsReportedOnceSkippedAndTheNextValueWorks() {
        StringBuilder big = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 100; i++) {
            big.append(i).append(',');
        }
        big.append("0],\"s\":\"}\"}");
        feed(big + "{\"after\":true}");
        assertThat(errors).containsExactly("request exceeds 64 bytes");
        assertThat(values).containsExactly("{\"after\":true}");
    }

    @Test
    void unfinishedValueStaysPending() {
        feed("{\"a\":{\"b\":1}");
        assertThat(values).isEmpty();
        assertThat(framer.midValue()).isTrue();
        feed("}");
        assertThat(values).containsExactly("{\"a\":{\"b\":1}}");
        assertThat(framer.midValue()).isFalse();
    }
}
