package dev.rewind.symbols.info;

import dev.rewind.symbols.dwarf.DwarfCursor;
import java.util.ArrayList;
import java.util.List;

/** Range lists (.debug_rnglists, .debug_ranges) and location lists (.debug_loclists, .debug_loc). */
final class Lists {
    private Lists() {
    }

    /** One entry of a location list: an expression valid for pcs in {@code range}. */
    record LocEntry(PcRange range, byte[] expression) {
    }

    static List<PcRange> ranges(Unit u, int form, long value) {
        List<PcRange> out = new ArrayList<>();
        if (u.version < 5) {
            DwarfCursor c = u.sections.cursor(".debug_ranges");
            c.position(value);
            long base = u.baseAddress;
            long max = u.addressSize == 4 ? 0xffff_ffffL : -1L;
            while (true) {
                long a = c.address(u.addressSize);
                long b = c.address(u.addressSize);
                if (a == 0 && b == 0) {
                    return out;
                }
                if (a == max) {
                    base = b;
                } else {
                    add(out, base + a, base + b);
                }
            }
        }
        DwarfCursor c = u.sections.cursor(".debug_rnglists");
        c.position(form == Dw.FORM_RNGLISTX ? listOffset(c, u, u.rnglistsBase, value) : value);
        long base = u.baseAddress;
        while (true) {
            int kind = c.u8();
            switch (kind) {
                case 0x00 -> {
                    return out;
                }
                case 0x01 -> base = u.addressAt(c.uleb());
                case 0x02 -> add(out, u.addressAt(c.uleb()), u.addressAt(c.uleb()));
                case 0x03 -> {
                    long s = u.addressAt(c.uleb());
                    add(out, s, s + c.uleb());
                }
                case 0x04 -> {
                    long s = c.uleb();
                    add(out, base + s, base + c.uleb());
                }
                case 0x05 -> base = c.address(u.addressSize);
                case 0x06 -> add(out, c.address(u.addressSize), c.address(u.addressSize));
                case 0x07 -> {
                    long s = c.address(u.addressSize);
                    add(out, s, s + c.uleb());
                }
                default -> throw c.error("unknown range list entry kind 0x" + Integer.toHexString(kind));
            }
        }
    }

    static List<LocEntry> locations(Unit u, int form, long value) {
        List<LocEntry> out = new ArrayList<>();
        if (u.version < 5) {
            DwarfCursor c = u.sections.cursor(".debug_loc");
            c.position(value);
            long base = u.baseAddress;
            long max = u.addressSize == 4 ? 0xffff_ffffL : -1L;
            while (true) {
                long a = c.address(u.addressSize);
                long b = c.address(u.addressSize);
                if (a == 0 && b == 0) {
                    return out;
                }
                if (a == max) {
                    base = b;
                } else {
                    out.add(new LocEntry(new PcRange(base + a, base + b), c.bytes(c.u16())));
                }
            }
        }
        DwarfCursor c = u.sections.cursor(".debug_loclists");
        c.position(form == Dw.FORM_LOCLISTX ? listOffset(c, u, u.loclistsBase, value) : value);
        long base = u.baseAddress;
        while (true) {
            int kind = c.u8();
            PcRange r;
            switch (kind) {
                case 0x00 -> {
                    return out;
                }
                case 0x01 -> {
                    base = u.addressAt(c.uleb());
                    continue;
                }
                case 0x02 -> r = new PcRange(u.addressAt(c.uleb()), u.addressAt(c.uleb()));
                case 0x03 -> {
                    long s = u.addressAt(c.uleb());
                    r = new PcRange(s, s + c.uleb());
                }
                case 0x04 -> {
                    long s = c.uleb();
                    r = new PcRange(base + s, base + c.uleb());
                }
                case 0x05 -> r = new PcRange(0, -1L);
                case 0x06 -> {
                    base = c.address(u.addressSize);
                    continue;
                }
                case 0x07 -> r = new PcRange(c.address(u.addressSize), c.address(u.addressSize));
                case 0x08 -> {
                    long s = c.address(u.addressSize);
                    r = new PcRange(s, s + c.uleb());
                }
                default -> throw c.error("unknown location list entry kind 0x" + Integer.toHexString(kind));
            }
            long len = c.uleb();
            if (len > c.remaining()) {
                throw c.error("location expression of " + len + " bytes exceeds the section");
            }
            out.add(new LocEntry(r, c.bytes((int) len)));
        }
    }

    /** Offset of list {@code index} from the offsets array at {@code base} (relative to that base). */
    private static long listOffset(DwarfCursor c, Unit u, long base, long index) {
        int size = u.dwarf64 ? 8 : 4;
        if (index < 0 || base < 0 || base > c.limit() || index > (c.limit() - base) / size) {
            throw c.error("list index " + index + " outside the offsets table at 0x" + Long.toHexString(base), 0);
        }
        c.position(base + index * size);
        return base + c.offset(u.dwarf64);
    }

    private static void add(List<PcRange> out, long lo, long hi) {
        if (Long.compareUnsigned(hi, lo) > 0) {
            out.add(new PcRange(lo, hi));
        }
    }
}
