package dev.rewind.emulator.elf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The GCC-built ELF fixtures under src/test/resources/elf (see the README there). */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/elf/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /elf/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ElfImage image(String name) {
        try {
            return ElfLoader.parse(bytes(name));
        } catch (ElfFormatException e) {
            throw new IllegalStateException("fixture " + name + " does not parse: " + e.getMessage(), e);
        }
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    static void put32(byte[] b, int off, long v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    static void put64(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    static long get32(byte[] b, int off) {
        long v = 0;
        for (int i = 3; i >= 0; i--) {
            v = v << 8 | (b[off + i] & 0xFF);
        }
        return v;
    }

    static long get64(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[off + i] & 0xFF);
        }
        return v;
    }
}
