package dev.rewind.symbols.info;

import dev.rewind.symbols.dwarf.DwarfCursor;
import dev.rewind.symbols.dwarf.DwarfException;
import java.util.Map;

/**
 * A unit of .debug_info as read: its header, the base offsets from its root DIE (str_offsets, addr, rnglists,
 * loclists) and the root DIE tree. Resolves indexed strings and addresses. Used by the loader's thread only.
 */
final class Unit {
    final Sections sections;
    final long offset;
    final long end;
    final boolean dwarf64;
    final int version;
    final int unitType;
    final long abbrevOffset;
    final int addressSize;
    final long typeSignature;
    final long typeOffset;
    final long dieStart;
    private final Map<Long, Long> typeUnits;
    long strOffsetsBase;
    long addrBase;
    long rnglistsBase;
    long loclistsBase;
    long baseAddress;
    Die root;
    private DwarfCursor str;
    private DwarfCursor lineStr;
    private DwarfCursor strOffsets;
    private DwarfCursor addr;

    Unit(Sections sections, DwarfCursor c, Map<Long, Long> typeUnits) {
        this.sections = sections;
        this.typeUnits = typeUnits;
        this.offset = c.position();
        DwarfCursor.InitialLength len = c.initialLength();
        this.dwarf64 = len.dwarf64();
        if (len.length() > c.remaining()) {
            throw c.error("unit length " + len.length() + " exceeds the " + c.remaining() + " bytes left", offset);
        }
        this.end = c.position() + len.length();
        this.version = c.u16();
        if (version < 2 || version > 5) {
            throw c.error("unsupported DWARF version " + version, offset);
        }
        if (version >= 5) {
            unitType = c.u8();
            addressSize = c.u8();
            abbrevOffset = c.offset(dwarf64);
        } else {
            unitType = Dw.UT_COMPILE;
            abbrevOffset = c.offset(dwarf64);
            addressSize = c.u8();
        }
        if (addressSize != 4 && addressSize != 8) {
            throw c.error("unsupported address size " + addressSize, offset);
        }
        long sig = 0;
        long toff = 0;
        switch (unitType) {
            case Dw.UT_COMPILE, Dw.UT_PARTIAL -> {
            }
            case Dw.UT_TYPE, Dw.UT_SPLIT_TYPE -> {
                sig = c.u64();
                toff = c.offset(dwarf64);
            }
            case Dw.UT_SKELETON, Dw.UT_SPLIT_COMPILE -> sig = c.u64();
            default -> throw c.error("unknown unit type 0x" + Integer.toHexString(unitType), offset);
        }
        this.typeSignature = sig;
        this.typeOffset = toff;
        this.dieStart = c.position();
        if (dieStart > end) {
            throw c.error("unit header runs past the unit's end", offset);
        }
        this.strOffsetsBase = version >= 5 ? (dwarf64 ? 16 : 8) : 0;
        this.addrBase = version >= 5 ? (dwarf64 ? 16 : 8) : 0;
    }

    /** Absolute offset of the type DIE of the type unit with this signature. */
    long typeUnitDie(long signature) {
        Long off = typeUnits.get(signature);
        if (off == null) {
            throw new DwarfException("no type unit with signature 0x" + Long.toHexString(signature));
        }
        return off;
    }

    String string(int form, long v, Object obj) {
        return switch (form) {
            case Dw.FORM_STRING -> (String) obj;
            case Dw.FORM_STRP -> strCursor().cstringAt(v);
            case Dw.FORM_LINE_STRP -> lineStrCursor().cstringAt(v);
            case Dw.FORM_STRX, Dw.FORM_STRX1, Dw.FORM_STRX2, Dw.FORM_STRX3, Dw.FORM_STRX4,
                    Dw.FORM_GNU_STR_INDEX -> strCursor().cstringAt(strOffset(v));
            default -> throw new DwarfException(".debug_info+0x" + Long.toHexString(offset)
                    + ": form 0x" + Integer.toHexString(form) + " is not a string form");
        };
    }

    private long strOffset(long index) {
        if (strOffsets == null) {
            strOffsets = sections.cursor(".debug_str_offsets");
        }
        int size = dwarf64 ? 8 : 4;
        strOffsets.position(checkIndex(strOffsetsBase, index, size, strOffsets));
        return strOffsets.offset(dwarf64);
    }

    long number(int form, long v) {
        if (!Forms.isAddress(form) || form == Dw.FORM_ADDR) {
            return v;
        }
        return addressAt(v);
    }

    /** Entry {@code index} of this unit's .debug_addr table. */
    long addressAt(long index) {
        if (addr == null) {
            addr = sections.cursor(".debug_addr");
        }
        addr.position(checkIndex(addrBase, index, addressSize, addr));
        return addr.address(addressSize);
    }

    private static long checkIndex(long base, long index, int size, DwarfCursor c) {
        if (index < 0 || index > (c.limit() - base) / size || base < 0 || base > c.limit()) {
            throw c.error("index " + index + " from base 0x" + Long.toHexString(base) + " lies outside the section", 0);
        }
        return base + index * size;
    }

    private DwarfCursor strCursor() {
        if (str == null) {
            str = sections.cursor(".debug_str");
        }
        return str;
    }

    private DwarfCursor lineStrCursor() {
        if (lineStr == null) {
            lineStr = sections.cursor(".debug_line_str");
        }
        return lineStr;
    }

    /** Drops the cursors used while loading (the model keeps only resolved values). */
    void release() {
        str = null;
        lineStr = null;
        strOffsets = null;
        addr = null;
    }
}
