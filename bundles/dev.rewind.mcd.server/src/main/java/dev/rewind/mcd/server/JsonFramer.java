package dev.rewind.mcd.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into top-level JSON values without relying on newlines (real MCD
 * clients send requests back to back). Only objects and arrays are values; anything else at
 * top level is reported once per run as garbage. A value longer than {@code maxValueBytes}
 * is reported once and then skipped by structure (brackets outside strings are still
 * counted), so the stream resynchronises at the end of that value. UTF-8 needs no decoding
 * while scanning: the structural characters are ASCII and never occur inside multi-byte
 * sequences.
 */
final class JsonFramer {

    /** Receives framed values and framing errors. */
    interface Sink {
        void value(String json);

        void error(String desc);
    }

    private final int maxValueBytes;
    private final Sink sink;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private int depth;
    private boolean inString;
    private boolean escape;
    private boolean garbage;
    private boolean discarding;
    private long valueBytes;

    JsonFramer(int maxValueBytes, Sink sink) {
        this.maxValueBytes = maxValueBytes;
        this.sink = sink;
    }

    void feed(byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            feed(data[i]);
        }
    }

    private void feed(byte b) {
        if (depth == 0) {
            top(b);
            return;
        }
        valueBytes++;
        if (!discarding) {
            if (valueBytes > maxValueBytes) {
                discarding = true;
                buf.reset();
                sink.error("request exceeds " + maxValueBytes + " bytes");
            } else {
                buf.write(b);
            }
        }
        if (inString) {
            if (escape) {
                escape = false;
            } else if (b == '\\') {
                escape = true;
            } else if (b == '"') {
                inString = false;
            }
            return;
        }
        switch (b) {
            case '"' -> inString = true;
            case '{', '[' -> depth++;
            case '}', ']' -> {
                depth--;
                if (depth == 0) {
                    endValue();
                }
            }
            default -> {
            }
        }
    }

    private void top(byte b) {
        if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
            garbage = false;
            return;
        }
        if (b == '{' || b == '[') {
            garbage = false;
            depth = 1;
            valueBytes = 1;
            discarding = false;
            buf.reset();
            buf.write(b);
            return;
        }
        if (!garbage) {
            garbage = true;
            sink.error("JSON parse error, expected '{' but found '" + printable(b) + "'");
        }
    }

    private void endValue() {
        if (!discarding) {
            String json = buf.toString(StandardCharsets.UTF_8);
            buf.reset();
            sink.value(json);
        }
        discarding = false;
    }

    /** True while a value is partly received. */
    boolean midValue() {
        return depth > 0;
    }

    private static String printable(byte b) {
        int c = b & 0xff;
        return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c);
    }
}
