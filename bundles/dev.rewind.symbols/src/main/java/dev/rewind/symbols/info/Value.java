package dev.rewind.symbols.info;

import dev.rewind.symbols.TargetAccess;
import dev.rewind.symbols.TargetAccess.AccessException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A typed value at a location in a stopped target (or a computed one). Reading happens on demand through the
 * {@link TargetAccess}; a bit field is a sub-range of bits of its location. Immutable.
 */
public final class Value {
    private final Type type;
    private final Location location;
    private final TargetAccess target;
    private final int bitSize;
    private final long bitOffset;

    public Value(Type type, Location location, TargetAccess target) {
        this(type, location, target, 0, 0);
    }

    Value(Type type, Location location, TargetAccess target, int bitSize, long bitOffset) {
        this.type = type;
        this.location = location;
        this.target = target;
        this.bitSize = bitSize;
        this.bitOffset = bitOffset;
    }

    /** A computed value of {@code type} holding {@code v} (little-endian, truncated to the type's size). */
    public static Value of(Type type, long v, TargetAccess target) {
        int size = (int) Math.max(1, Math.min(8, type.size()));
        return new Value(type, new Location.Value(LittleEndian.bytes(v, size)), target);
    }

    public Type type() {
        return type;
    }

    public Location location() {
        return location;
    }

    public TargetAccess target() {
        return target;
    }

    public boolean isBitField() {
        return bitSize > 0;
    }

    /** The address of a value in memory (not of a register, a computed value or a bit field). */
    public Optional<Long> address() {
        return location instanceof Location.Memory m && bitSize == 0 ? Optional.of(m.address()) : Optional.empty();
    }

    public boolean isAvailable() {
        return !(location instanceof Location.OptimizedOut) && !(location instanceof Location.Unavailable);
    }

    /** The value's bytes (its type's size; a bit field: its bits shifted down, 8 bytes). */
    public byte[] bytes() {
        long size = type.size();
        if (bitSize > 0) {
            long raw = readBits(bitOffset, bitSize);
            return LittleEndian.bytes(raw, 8);
        }
        if (size > Values.MAX_READ) {
            throw new ValueException("value of " + size + " bytes is too large to read");
        }
        return read(location, (int) size);
    }

    /** The value as an integer: sign- or zero-extended per its type (pointers, enums, bools, chars too). */
    public long asLong() {
        Type t = type.strip();
        if (bitSize > 0) {
            long raw = readBits(bitOffset, bitSize);
            return Values.signed(t) && bitSize < 64 ? (raw << (64 - bitSize)) >> (64 - bitSize) : raw;
        }
        byte[] b = read(location, (int) Math.min(8, Math.max(1, t.size())));
        long v = LittleEndian.fromBytes(b);
        int bits = b.length * 8;
        if (bits < 64 && Values.signed(t)) {
            v = (v << (64 - bits)) >> (64 - bits);
        }
        return v;
    }

    private long readBits(long offset, int size) {
        int first = (int) (offset / 8);
        int nbytes = (int) ((offset % 8 + size + 7) / 8);
        byte[] b = readAt(first, nbytes);
        long v = 0;
        for (int i = Math.min(8, b.length) - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        v >>>= offset % 8;
        return size >= 64 ? v : v & ((1L << size) - 1);
    }

    private byte[] readAt(int byteOffset, int n) {
        if (location instanceof Location.Memory m) {
            return read(new Location.Memory(m.address() + byteOffset), n);
        }
        byte[] all = read(location, byteOffset + n);
        return Arrays.copyOfRange(all, byteOffset, byteOffset + n);
    }

    byte[] read(Location loc, int size) {
        try {
            return Values.read(loc, size, target);
        } catch (AccessException e) {
            throw new ValueException(e.getMessage(), e);
        }
    }

    /** The same location seen as another type (a cast of an lvalue, or a member/element at an offset). */
    Value at(long byteOffset, Type t, int bits, long bitOff) {
        Location loc = switch (location) {
            case Location.Memory m -> new Location.Memory(m.address() + byteOffset);
            case Location.OptimizedOut o -> o;
            case Location.Unavailable u -> u;
            default -> {
                byte[] all;
                try {
                    all = read(location, (int) Math.max(type.size(), byteOffset + Math.max(t.size(), 1)));
                } catch (ValueException e) {
                    yield new Location.OptimizedOut(e.getMessage());
                }
                int end = (int) Math.min(all.length, byteOffset + Math.max(t.size(), (bitOff + bits + 7) / 8));
                yield new Location.Value(Arrays.copyOfRange(all, (int) byteOffset, Math.max(end, (int) byteOffset)));
            }
        };
        return new Value(t, loc, target, bits, bitOff);
    }

    /** Writes {@code newBytes} (the type's size) back where this value lives. */
    public void write(byte[] newBytes, TargetWriter writer) {
        Values.write(this, newBytes, writer, bitSize, bitOffset);
    }

    @Override
    public String toString() {
        return Values.format(this);
    }
}
