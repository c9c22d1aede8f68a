package dev.rewind.symbols.info;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Little-endian byte building for hand-made DWARF in tests. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes u8(int... v) {
        for (int b : v) {
            out.write(b);
        }
        return this;
    }

    Bytes u16(int v) {
        return u8(v & 0xff, (v >> 8) & 0xff);
    }

    Bytes u32(long v) {
        return u16((int) (v & 0xffff)).u16((int) ((v >> 16) & 0xffff));
    }

    Bytes u64(long v) {
        return u32(v & 0xffff_ffffL).u32(v >>> 32);
    }

    Bytes uleb(long v) {
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    Bytes sleb(long v) {
        while (true) {
            int b = (int) (v & 0x7f);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    Bytes cstring(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        return this;
    }

    Bytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] get() {
        return out.toByteArray();
    }
}
