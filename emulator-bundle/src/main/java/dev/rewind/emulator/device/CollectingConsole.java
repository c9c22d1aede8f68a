package dev.rewind.emulator.device;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A {@link ConsoleSink} that keeps every byte written to it. Thread-safe. */
public final class CollectingConsole implements ConsoleSink {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(byte b) {
        bytes.write(b);
    }

    /** A copy of all bytes written so far. */
    public synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    /** All bytes written so far, decoded as UTF-8 (malformed input replaced). */
    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Number of bytes written so far. */
    public synchronized int size() {
        return bytes.size();
    }

    /** Forgets everything written so far. */
    public synchronized void clear() {
        bytes.reset();
    }
}
