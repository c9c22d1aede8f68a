package dev.rewind.mcd.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import dev.rewind.net.Link;
import java.nio.charset.StandardCharsets;

/**
 * One client connection: sends the QMP greeting, frames the incoming byte stream into JSON
 * values and answers each in order. Ends when the client closes or the server stops; a
 * misbehaving client only ever affects its own connection.
 */
final class Connection implements Runnable {
    static final String GREETING = "{\"QMP\":{\"version\":{\"qemu\":{\"major\":0,\"minor\":1,\"micro\":0},"
            + "\"package\":\"Rewind MCD\"},\"capabilities\":[]}}\n";
    /** Largest request accepted; larger ones are answered with an error and skipped. */
    static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final Link link;
    private final Dispatcher dispatcher;
    private final AuthGate gate;
    private final Runnable onClose;

    Connection(Link link, Dispatcher dispatcher, AuthGate gate, Runnable onClose) {
        this.link = link;
        this.dispatcher = dispatcher;
        this.gate = gate;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (link) {
            OutputStream out = link.out();
            out.write(GREETING.getBytes(StandardCharsets.UTF_8));
            out.flush();
            JsonFramer framer = new JsonFramer(MAX_REQUEST_BYTES, new JsonFramer.Sink() {
                @Override
                public void value(String json) {
                    String refusal = gate.check(json);
                    send(out, refusal != null ? refusal : dispatcher.handle(json));
                    if (gate.refused()) {
                        closeQuietly();
                    }
                }

                @Override
                public void error(String desc) {
                    send(out, Dispatcher.error(null, QmpError.GENERIC, desc));
                }
            });
            InputStream in = link.in();
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                framer.feed(buf, 0, n);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "MCD connection ended: " + e);
        } finally {
            onClose.run();
        }
    }

    private static void send(OutputStream out, String reply) {
        try {
            out.write(reply.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            link.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing MCD connection: " + e);
        }
    }

    /** Write failure raised through the framer's callbacks. */
    static final class UncheckedIOException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedIOException(IOException cause) {
            super(cause);
        }
    }
}
