package dev.rewind.gdb.rsp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Packet bodies on the wire: {@code $body#cs}, where {@code cs} is the sum of the body's bytes modulo 256 in two
 * hex digits; {@code $ # } *} in data are escaped as {@code '}'} followed by the byte XOR 0x20; a run of one
 * character is written {@code c*N} with the repeat count {@code N - 29} as a printable character.
 */
public final class Framing {
    static final int ESCAPE = '}';
    static final int RUN = '*';

    private Framing() {
    }

    public static int checksum(byte[] raw, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += raw[i] & 0xff;
        }
        return sum & 0xff;
    }

    /**
     * The whole packet {@code $...#cs} for a payload of ISO-8859-1 chars: escaped, then run-length encoded, in one
     * pass into one array (a stop reply with expedited registers goes out after every step).
     */
    public static byte[] frame(String payload) {
        int n = payload.length();
        byte[] data = new byte[n * 2];
        int len = 0;
        for (int i = 0; i < n; i++) {
            int c = payload.charAt(i) & 0xff;
            if (c == '$' || c == '#' || c == ESCAPE || c == RUN) {
                data[len++] = ESCAPE;
                data[len++] = (byte) (c ^ 0x20);
            } else {
                data[len++] = (byte) c;
            }
        }
        byte[] out = new byte[len + 4];
        int o = 0;
        out[o++] = '$';
        int sum = 0;
        int i = 0;
        while (i < len) {
            byte c = data[i];
            int run = 1;
            while (i + run < len && data[i + run] == c) {
                run++;
            }
            i += run;
            while (run > 0) {
                out[o++] = c;
                sum += c & 0xff;
                run--;
                if (run >= 3) {
                    int repeats = Math.min(run, 126 - 29);
                    if (repeats == '#' - 29 || repeats == '$' - 29) {
                        repeats = 5; // '#' and '$' cannot be repeat counts
                    }
                    out[o++] = RUN;
                    out[o++] = (byte) (repeats + 29);
                    sum += RUN + repeats + 29;
                    run -= repeats;
                }
            }
        }
        out[o++] = '#';
        out[o++] = (byte) Character.forDigit((sum >> 4) & 0xf, 16);
        out[o++] = (byte) Character.forDigit(sum & 0xf, 16);
        return java.util.Arrays.copyOf(out, o);
    }

    /** Undoes run-length encoding, then escapes, of a received body; the result as ISO-8859-1 chars. */
    public static String decode(byte[] raw, int length) {
        ByteArrayOutputStream expanded = new ByteArrayOutputStream(length);
        int last = -1;
        for (int i = 0; i < length; i++) {
            int b = raw[i] & 0xff;
            if (b == RUN && last >= 0 && i + 1 < length) {
                int repeats = (raw[++i] & 0xff) - 29;
                if (repeats < 0) {
                    throw new ProtocolException("bad run-length count " + (repeats + 29));
                }
                for (int k = 0; k < repeats; k++) {
                    expanded.write(last);
                }
            } else if (b == RUN) {
                throw new ProtocolException(last < 0 ? "run-length marker at the start of a packet"
                        : "run-length marker without a count");
            } else {
                expanded.write(b);
                last = b;
            }
        }
        byte[] e = expanded.toByteArray();
        StringBuilder sb = new StringBuilder(e.length);
        for (int i = 0; i < e.length; i++) {
            int b = e[i] & 0xff;
            if (b == ESCAPE) {
                if (++i >= e.length) {
                    throw new ProtocolException("escape character at the end of a packet");
                }
                sb.append((char) ((e[i] & 0xff) ^ 0x20));
            } else {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    /** The binary data of a packet (ISO-8859-1 chars, one per byte) as bytes. */
    public static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
