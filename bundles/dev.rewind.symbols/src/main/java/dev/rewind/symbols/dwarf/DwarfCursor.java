package dev.rewind.symbols.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A little-endian reader over one DWARF section (or a part of one). Positions are relative to the start of
 * the slice this cursor covers; {@link #base()} is the slice's offset in the section, for messages. Every read past
 * the end throws {@link DwarfException} naming the section and offset. Not thread-safe: one cursor per reader.
 */
public final class DwarfCursor {

    /** A unit's initial length: the length that follows it and whether the unit is 64-bit DWARF. */
    public record InitialLength(long length, boolean dwarf64) {
        /** Size in bytes of an offset in this format (4 or 8). */
        public int offsetSize() {
            return dwarf64 ? 8 : 4;
        }
    }

    private final ByteBuffer buf;
    private final String section;
    private final long base;

    /** A cursor over all of {@code section}'s bytes; the buffer's position and limit delimit them. */
    public DwarfCursor(ByteBuffer section, String name) {
        this(section.slice().order(ByteOrder.LITTLE_ENDIAN), name, 0);
    }

    private DwarfCursor(ByteBuffer slice, String name, long base) {
        this.buf = slice;
        this.section = name;
        this.base = base;
    }

    public String section() {
        return section;
    }

    /** Offset of this cursor's position 0 in the section (non-zero for a {@link #slice}). */
    public long base() {
        return base;
    }

    public long position() {
        return buf.position();
    }

    public void position(long pos) {
        if (pos < 0 || pos > buf.limit()) {
            throw error("seek to " + pos + " outside [0, " + buf.limit() + "]", pos);
        }
        buf.position((int) pos);
    }

    public long remaining() {
        return buf.remaining();
    }

    public long limit() {
        return buf.limit();
    }

    public boolean hasRemaining() {
        return buf.hasRemaining();
    }

    public int u8() {
        need(1);
        return buf.get() & 0xff;
    }

    public int u16() {
        need(2);
        return buf.getShort() & 0xffff;
    }

    public long u32() {
        need(4);
        return buf.getInt() & 0xffff_ffffL;
    }

    public long u64() {
        need(8);
        return buf.getLong();
    }

    public int s8() {
        need(1);
        return buf.get();
    }

    public int s16() {
        need(2);
        return buf.getShort();
    }

    public int s32() {
        need(4);
        return buf.getInt();
    }

    public long s64() {
        return u64();
    }

    /** Unsigned LEB128; bits beyond 64 are dropped (they must be zero in valid data). */
    public long uleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }

    /** Signed LEB128. */
    public long sleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A NUL-terminated UTF-8 string; the NUL is consumed. */
    public String cstring() {
        int start = buf.position();
        int end = start;
        int limit = buf.limit();
        while (end < limit && buf.get(end) != 0) {
            end++;
        }
        if (end >= limit) {
            throw error("unterminated string", start);
        }
        byte[] b = new byte[end - start];
        buf.get(b);
        buf.get();
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The NUL-terminated string at {@code offset} (position unchanged), e.g. in .debug_str. */
    public String cstringAt(long offset) {
        long saved = buf.position();
        position(offset);
        try {
            return cstring();
        } finally {
            buf.position((int) saved);
        }
    }

    public byte[] bytes(int n) {
        if (n < 0) {
            throw error("negative length " + n, buf.position());
        }
        need(n);
        byte[] b = new byte[n];
        buf.get(b);
        return b;
    }

    public void skip(long n) {
        if (n < 0 || n > buf.remaining()) {
            throw error("skip of " + n + " bytes past the end (" + buf.remaining() + " left)", buf.position());
        }
        buf.position(buf.position() + (int) n);
    }

    /** A section offset: 8 bytes in 64-bit DWARF, else 4. */
    public long offset(boolean dwarf64) {
        return dwarf64 ? u64() : u32();
    }

    /** A target address of {@code size} bytes (1, 2, 4 or 8), zero-extended. */
    public long address(int size) {
        return switch (size) {
            case 1 -> u8();
            case 2 -> u16();
            case 4 -> u32();
            case 8 -> u64();
            default -> throw error("unsupported address size " + size, buf.position());
        };
    }

    /** A unit's initial length (0xffffffff escape for 64-bit DWARF); reserved values are an error. */
    public InitialLength initialLength() {
        long at = buf.position();
        long len = u32();
        if (len == 0xffff_ffffL) {
            return new InitialLength(u64(), true);
        }
        if (len >= 0xffff_fff0L) {
            throw error("reserved initial length 0x" + Long.toHexString(len), at);
        }
        return new InitialLength(len, false);
    }

    /** A cursor over {@code [offset, offset+length)} of this one; positions in it start at 0. */
    public DwarfCursor slice(long offset, long length) {
        if (offset < 0 || length < 0 || offset > buf.limit() || length > buf.limit() - offset) {
            throw error("range of " + length + " bytes at " + offset + " exceeds the "
                    + buf.limit() + " bytes available", offset);
        }
        ByteBuffer s = buf.duplicate().position((int) offset).limit((int) (offset + length)).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new DwarfCursor(s, section, base + offset);
    }

    /** An error at {@code pos} (relative to this cursor) naming the section and absolute offset. */
    public DwarfException error(String what, long pos) {
        return new DwarfException(section + "+0x" + Long.toHexString(base + pos) + ": " + what);
    }

    /** An error at the current position. */
    public DwarfException error(String what) {
        return error(what, buf.position());
    }

    private void need(int n) {
        if (buf.remaining() < n) {
            throw error("read of " + n + " bytes past the end (" + buf.remaining() + " left)", buf.position());
        }
    }
}
