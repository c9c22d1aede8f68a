package dev.rewind.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare RSP client for protocol tests: sends raw bytes, reads acks and packets as they come. */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Acknowledgements ({@code +}) skipped while looking for packets. */
    int acks;

    RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void raw(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    void send(String payload) throws IOException {
        int sum = 0;
        for (byte b : payload.getBytes(StandardCharsets.ISO_8859_1)) {
            sum += b & 0xff;
        }
        raw("$" + payload + "#" + String.format("%02x", sum & 0xff));
    }

    /** The next byte: '+', '-' or '$' (the start of a packet). */
    char next() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("connection closed by the stub");
        }
        return (char) b;
    }

    /** Skips acks up to the next packet and returns its body (escapes and runs undone); sends no ack (the stub does not wait for one). */
    String packet() throws IOException {
        char c;
        while ((c = next()) != '$') {
            if (c == '+') {
                acks++;
            } else if (c != '-') {
                throw new IOException("unexpected byte " + (int) c + " outside a packet");
            }
        }
        StringBuilder body = new StringBuilder();
        while ((c = next()) != '#') {
            body.append(c);
        }
        next();
        next();
        byte[] raw = body.toString().getBytes(StandardCharsets.ISO_8859_1);
        return dev.rewind.gdb.rsp.Framing.decode(raw, raw.length);
    }

    /** Sends a packet and returns the reply's body, console output ({@code O} packets) skipped. */
    String ask(String payload) throws IOException {
        send(payload);
        String reply;
        do {
            reply = packet();
        } while (reply.matches("O[0-9a-f]+"));
        return reply;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
