package dev.rewind.gdb.rsp;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what gdb sends, one {@link Inbound} at a time. Bytes outside packets other than {@code + - 0x03} are
 * skipped; a {@code $} inside a packet starts over (the earlier one was cut off); a body longer than
 * {@code maxBody} is read to its end and reported {@link Inbound.Corrupt}.
 */
public final class PacketReader {
    private final InputStream in;
    private final int maxBody;
    private final byte[] body;

    public PacketReader(InputStream in, int maxBody) {
        this.in = in;
        this.maxBody = maxBody;
        this.body = new byte[maxBody];
    }

    public Inbound next() throws IOException {
        while (true) {
            int b = in.read();
            switch (b) {
                case -1:
                    return new Inbound.Eof();
                case 0x03:
                    return new Inbound.Interrupt();
                case '+':
                    return new Inbound.Ack(true);
                case '-':
                    return new Inbound.Ack(false);
                case '$':
                    return packet();
                default:
                    // noise between packets (e.g. a stray newline): skipped
            }
        }
    }

    private Inbound packet() throws IOException {
        int length = 0;
        int sum = 0;
        boolean tooLong = false;
        while (true) {
            int b = in.read();
            if (b == -1) {
                return new Inbound.Eof();
            }
            if (b == '$') {
                length = 0;
                sum = 0;
                tooLong = false;
                continue;
            }
            if (b == '#') {
                break;
            }
            sum += b;
            if (length < maxBody) {
                body[length++] = (byte) b;
            } else {
                tooLong = true;
            }
        }
        int hi = in.read();
        int lo = in.read();
        if (hi == -1 || lo == -1) {
            return new Inbound.Eof();
        }
        int given = Character.digit(hi, 16) << 4 | Character.digit(lo, 16);
        if (Character.digit(hi, 16) < 0 || Character.digit(lo, 16) < 0) {
            return new Inbound.Corrupt("checksum is not hex: " + (char) hi + (char) lo);
        }
        if (given != (sum & 0xff)) {
            return new Inbound.Corrupt(String.format("checksum %02x, expected %02x", given, sum & 0xff));
        }
        if (tooLong) {
            return new Inbound.Corrupt("packet longer than " + maxBody + " bytes");
        }
        try {
            return new Inbound.Packet(Framing.decode(body, length));
        } catch (ProtocolException e) {
            return new Inbound.Corrupt(e.getMessage());
        }
    }
}
