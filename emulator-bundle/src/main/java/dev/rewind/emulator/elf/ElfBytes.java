package dev.rewind.emulator.elf;

import java.nio.charset.StandardCharsets;

/** Bounds-checked little-endian reads over an ELF file; every failure is an {@link ElfFormatException}. */
final class ElfBytes {

    private final byte[] data;

    ElfBytes(byte[] data) {
        this.data = data;
    }

    int length() {
        return data.length;
    }

    /**
     * Checks that {@code [offset, offset + length)} lies inside the file. Both values are unsigned file
     * quantities as read from the ELF; values of 2^63 or more (negative longs) are always out of range.
     */
    void require(long offset, long length, String what) throws ElfFormatException {
        if (offset < 0 || length < 0 || offset > data.length || length > data.length - offset) {
            throw new ElfFormatException(String.format(
                    "%s at file offset 0x%x, size 0x%x, lies beyond the end of the file (%d bytes)",
                    what, offset, length, data.length));
        }
    }

    int u8(long offset, String what) throws ElfFormatException {
        require(offset, 1, what);
        return data[(int) offset] & 0xFF;
    }

    int u16(long offset, String what) throws ElfFormatException {
        require(offset, 2, what);
        int o = (int) offset;
        return (data[o] & 0xFF) | (data[o + 1] & 0xFF) << 8;
    }

    long u32(long offset, String what) throws ElfFormatException {
        require(offset, 4, what);
        int o = (int) offset;
        return ((data[o] & 0xFF) | (data[o + 1] & 0xFF) << 8 | (data[o + 2] & 0xFF) << 16
                | (long) (data[o + 3] & 0xFF) << 24) & 0xFFFF_FFFFL;
    }

    long u64(long offset, String what) throws ElfFormatException {
        require(offset, 8, what);
        return u32(offset, what) | u32(offset + 4, what) << 32;
    }

    /** Reads a 4-byte word for ELF32 or an 8-byte word for ELF64 (addresses, offsets, sizes). */
    long word(boolean elf64, long offset, String what) throws ElfFormatException {
        return elf64 ? u64(offset, what) : u32(offset, what);
    }

    /** A copy of {@code length} bytes at {@code offset}. */
    byte[] slice(long offset, long length, String what) throws ElfFormatException {
        require(offset, length, what);
        byte[] out = new byte[(int) length];
        System.arraycopy(data, (int) offset, out, 0, (int) length);
        return out;
    }

    /**
     * The NUL-terminated string at {@code index} inside a string table at {@code [tableOffset, tableOffset + tableSize)}
     * (already checked to lie inside the file).
     */
    String cString(long tableOffset, long tableSize, long index, String what) throws ElfFormatException {
        if (index < 0 || index >= tableSize) {
            throw new ElfFormatException(String.format(
                    "%s: name index 0x%x lies outside its string table (size 0x%x)", what, index, tableSize));
        }
        int start = (int) (tableOffset + index);
        int end = (int) (tableOffset + tableSize);
        for (int i = start; i < end; i++) {
            if (data[i] == 0) {
                return new String(data, start, i - start, StandardCharsets.UTF_8);
            }
        }
        throw new ElfFormatException(String.format(
                "%s: name at string table index 0x%x is not NUL-terminated", what, index));
    }
}
