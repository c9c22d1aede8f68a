package dev.rewind.dap;

import dev.rewind.debug.SessionManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** A DapConnection on pipes: the test writes raw bytes and reads the raw bytes the adapter writes. */
final class WireClient implements AutoCloseable {

    private final PipedOutputStream toAdapter = new PipedOutputStream();
    private final ByteArrayOutputStream fromAdapter = new ByteArrayOutputStream();
    private final Thread serving;

    WireClient() throws IOException {
        this(false);
    }

    WireClient(boolean initializeAnswered) throws IOException {
        PipedInputStream adapterIn = new PipedInputStream(toAdapter, 1 << 16);
        PipedOutputStream adapterOut = new PipedOutputStream();
        PipedInputStream reader = new PipedInputStream(adapterOut, 1 << 16);
        DapConnection connection = new DapConnection(new SessionManager(), null, adapterIn, adapterOut,
                initializeAnswered);
        serving = new Thread(connection::run, "wire-test-adapter");
        serving.setDaemon(true);
        serving.start();
        Thread pump = new Thread(() -> pump(reader), "wire-test-reader");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(InputStream in) {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0;) {
                synchronized (fromAdapter) {
                    fromAdapter.write(buf, 0, n);
                    fromAdapter.notifyAll();
                }
            }
        } catch (IOException e) {
            // the adapter side closed: the test sees the bytes it got so far
            synchronized (fromAdapter) {
                fromAdapter.notifyAll();
            }
        }
    }

    void send(String text) throws IOException {
        toAdapter.write(text.getBytes(StandardCharsets.UTF_8));
        toAdapter.flush();
    }

    static String frame(String json) {
        return "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    /** Waits (bounded) until the adapter has written at least {@code count} framed messages; returns all bytes. */
    String awaitMessages(int count, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        synchronized (fromAdapter) {
            while (countFrames(fromAdapter.toString(StandardCharsets.UTF_8)) < count) {
                long left = Duration.between(Instant.now(), end).toMillis();
                if (left <= 0) {
                    throw new AssertionError("only got: " + fromAdapter.toString(StandardCharsets.UTF_8));
                }
                fromAdapter.wait(left);
            }
            return fromAdapter.toString(StandardCharsets.UTF_8);
        }
    }

    static int countFrames(String s) {
        int n = 0;
        for (int i = s.indexOf("Content-Length:"); i >= 0; i = s.indexOf("Content-Length:", i + 1)) {
            n++;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        toAdapter.close();
    }
}
