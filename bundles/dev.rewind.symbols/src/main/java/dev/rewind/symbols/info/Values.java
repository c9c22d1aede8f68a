package dev.rewind.symbols.info;

import dev.rewind.symbols.TargetAccess;
import dev.rewind.symbols.TargetAccess.AccessException;
import java.util.Arrays;

/** Reading and writing the bytes of a {@link Location}; signedness of types. */
final class Values {
    /** Largest value read in one piece (a bigger array is read element by element). */
    static final long MAX_READ = 1 << 20;

    private Values() {
    }

    static boolean signed(Type stripped) {
        return stripped instanceof BaseType b && b.isSigned() || stripped instanceof EnumType e && e.isSigned();
    }

    static byte[] read(Location loc, int size, TargetAccess target) throws AccessException {
        return switch (loc) {
            case Location.Memory m -> {
                try {
                    yield target.memory(m.address(), size);
                } catch (AccessException e) {
                    throw new AccessException(m.address(), "Cannot access memory at address 0x"
                            + Long.toHexString(m.address()) + (e.getMessage() == null ? "" : " (" + e.getMessage()
                            + ")"), e);
                }
            }
            case Location.Register r -> {
                long v = target.register(r.register());
                yield Arrays.copyOf(LittleEndian.bytes(v, 8), size);
            }
            case Location.Value v -> Arrays.copyOf(v.bytes(), size);
            case Location.OptimizedOut o -> throw new AccessException(0, "<optimized out>");
            case Location.Unavailable u -> throw new AccessException(0, u.message());
            case Location.Composite c -> composite(c, size, target);
        };
    }

    private static byte[] composite(Location.Composite c, int size, TargetAccess target) throws AccessException {
        byte[] out = new byte[size];
        long bit = 0;
        for (Location.Piece p : c.pieces()) {
            int bytes = (int) ((p.offsetBits() + p.sizeBits() + 7) / 8);
            byte[] src = read(p.location(), bytes, target);
            for (long i = 0; i < p.sizeBits() && bit < (long) size * 8; i++, bit++) {
                long from = p.offsetBits() + i;
                int b = (src[(int) (from / 8)] >> (from % 8)) & 1;
                out[(int) (bit / 8)] |= (byte) (b << (bit % 8));
            }
        }
        return out;
    }

    static void write(Value v, byte[] data, TargetWriter w, int bitSize, long bitOffset) {
        try {
            Location loc = v.location();
            if (bitSize > 0) {
                if (!(loc instanceof Location.Memory m)) {
                    throw new ValueException("cannot write a bit field that is not in memory");
                }
                int nbytes = (int) ((bitOffset % 8 + bitSize + 7) / 8);
                long addr = m.address() + bitOffset / 8;
                long old = LittleEndian.fromBytes(v.target().memory(addr, nbytes));
                long mask = (bitSize >= 64 ? -1L : (1L << bitSize) - 1) << (bitOffset % 8);
                long nv = (old & ~mask) | ((LittleEndian.fromBytes(data) << (bitOffset % 8)) & mask);
                w.writeMemory(addr, LittleEndian.bytes(nv, nbytes));
                return;
            }
            switch (loc) {
                case Location.Memory m -> w.writeMemory(m.address(), data);
                case Location.Register r -> {
                    long old = v.target().register(r.register());
                    int n = Math.min(8, data.length);
                    long mask = n >= 8 ? -1L : (1L << (8 * n)) - 1;
                    w.setRegister(r.register(), (old & ~mask) | (LittleEndian.fromBytes(data) & mask));
                }
                case Location.Composite c -> throw new ValueException("cannot write a value split into pieces");
                default -> throw new ValueException("cannot write a value that is not in memory or a register ("
                        + loc + ")");
            }
        } catch (AccessException e) {
            throw new ValueException(e.getMessage(), e);
        }
    }

    static String format(Value v) {
        return ValueFormat.format(v);
    }
}
