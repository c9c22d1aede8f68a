package dev.rewind.symbols.dwarf;

import java.util.Arrays;

/** The rows of one line program in program order, stored column-wise (compact, immutable once built). */
public final class LineRows {

    private static final int STMT = 1;
    private static final int END = 2;

    private long[] address = new long[64];
    private int[] file = new int[64];
    private int[] line = new int[64];
    private int[] column = new int[64];
    private int[] discriminator = new int[64];
    private byte[] flags = new byte[64];
    private int size;

    void add(long addr, int f, int l, int col, boolean isStmt, boolean endSequence, int disc) {
        if (size == address.length) {
            int n = size * 2;
            address = Arrays.copyOf(address, n);
            file = Arrays.copyOf(file, n);
            line = Arrays.copyOf(line, n);
            column = Arrays.copyOf(column, n);
            discriminator = Arrays.copyOf(discriminator, n);
            flags = Arrays.copyOf(flags, n);
        }
        address[size] = addr;
        file[size] = f;
        line[size] = l;
        column[size] = col;
        discriminator[size] = disc;
        flags[size] = (byte) ((isStmt ? STMT : 0) | (endSequence ? END : 0));
        size++;
    }

    /** Drops rows from {@code n} on (used to discard an unterminated last sequence). */
    void truncate(int n) {
        size = Math.min(size, n);
    }

    public int size() {
        return size;
    }

    public long address(int i) {
        return address[check(i)];
    }

    public int file(int i) {
        return file[check(i)];
    }

    public int line(int i) {
        return line[check(i)];
    }

    public int column(int i) {
        return column[check(i)];
    }

    public int discriminator(int i) {
        return discriminator[check(i)];
    }

    public boolean isStmt(int i) {
        return (flags[check(i)] & STMT) != 0;
    }

    public boolean endSequence(int i) {
        return (flags[check(i)] & END) != 0;
    }

    public LineRow row(int i) {
        check(i);
        return new LineRow(address[i], file[i], line[i], column[i], (flags[i] & STMT) != 0, (flags[i] & END) != 0,
                discriminator[i]);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("row " + i + " of " + size);
        }
        return i;
    }
}
