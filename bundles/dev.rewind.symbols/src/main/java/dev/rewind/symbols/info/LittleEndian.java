package dev.rewind.symbols.info;

/** Target byte order (RISC-V is little-endian) for values read from and written to the target. */
final class LittleEndian {
    private LittleEndian() {
    }

    /** The first (up to) 8 bytes of {@code b} as a number, zero-extended. */
    static long fromBytes(byte[] b) {
        long v = 0;
        for (int i = Math.min(8, b.length) - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    /** The low {@code size} bytes of {@code v}. */
    static byte[] bytes(long v, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
