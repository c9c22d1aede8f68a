package dev.rewind.shell.travel;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.UnaryOperator;

/**
 * Fault injection for the atomicity tests of {@code rewind record}: with the system property
 * {@value #PROPERTY}{@code =N} (e.g. through {@code REWIND_JAVA_OPTS}) saving a recording fails with an I/O error
 * after N bytes reached the file, as a full disk or a crash would. Without the property nothing changes.
 */
final class FailingStream extends FilterOutputStream {

    static final String PROPERTY = "rewind.recording.failAfterBytes";

    private long left;

    private FailingStream(OutputStream out, long left) {
        super(out);
        this.left = left;
    }

    static UnaryOperator<OutputStream> fromProperty() {
        String v = System.getProperty(PROPERTY);
        if (v == null) {
            return UnaryOperator.identity();
        }
        long n = Long.parseLong(v.trim());
        return out -> new FailingStream(out, n);
    }

    @Override
    public void write(int b) throws IOException {
        if (left-- <= 0) {
            throw new IOException("simulated failure while saving (" + PROPERTY + ")");
        }
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
            write(b[off + i]);
        }
    }
}
