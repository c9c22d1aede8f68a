package dev.rewind.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One accepted client connection, whatever the transport: its streams, a name for logs ({@code 127.0.0.1:5012} or
 * {@code unix:/path}) and {@link #close()}, which also ends a read blocked on {@link #in()}.
 */
public record Link(InputStream in, OutputStream out, String peer, Closeable closer) implements Closeable {
    @Override
    public void close() throws IOException {
        closer.close();
    }
}
