package dev.rewind.emulator.device;

/** A little-endian RAM window for Htif tests; accesses outside it throw. */
final class FakeMemory implements MemoryPort {

    final long base;
    final byte[] bytes;

    FakeMemory(long base, int size) {
        this.base = base;
        this.bytes = new byte[size];
    }

    private int index(long addr, int size) {
        long off = addr - base;
        if (off < 0 || off > bytes.length - size) {
            throw new IllegalArgumentException(String.format("0x%x is outside RAM", addr));
        }
        return (int) off;
    }

    @Override
    public long read(long addr, int size) {
        int i = index(addr, size);
        long v = 0;
        for (int k = size - 1; k >= 0; k--) {
            v = v << 8 | (bytes[i + k] & 0xFF);
        }
        return v;
    }

    @Override
    public void write(long addr, int size, long value) {
        int i = index(addr, size);
        for (int k = 0; k < size; k++) {
            bytes[i + k] = (byte) (value >>> (8 * k));
        }
    }

    void putString(long addr, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, bytes, index(addr, b.length), b.length);
    }
}
