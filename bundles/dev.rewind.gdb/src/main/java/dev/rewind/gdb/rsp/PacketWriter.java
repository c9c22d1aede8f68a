package dev.rewind.gdb.rsp;

import java.io.IOException;
import java.io.OutputStream;

/** Writes packets and acknowledgements; keeps the last packet for a retransmission when gdb answers {@code -}. */
public final class PacketWriter {
    private final OutputStream out;
    private byte[] last;

    public PacketWriter(OutputStream out) {
        this.out = out;
    }

    public synchronized void send(String payload) throws IOException {
        last = Framing.frame(payload);
        out.write(last);
        out.flush();
    }

    public synchronized void resend() throws IOException {
        if (last != null) {
            out.write(last);
            out.flush();
        }
    }

    public synchronized void ack(boolean positive) throws IOException {
        out.write(positive ? '+' : '-');
        out.flush();
    }
}
