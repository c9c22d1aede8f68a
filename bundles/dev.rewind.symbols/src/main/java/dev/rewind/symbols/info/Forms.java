package dev.rewind.symbols.info;

import dev.rewind.symbols.dwarf.DwarfCursor;

/** Reads attribute values by form (DWARF 5 section 7.5.6) and classifies forms. */
final class Forms {
    private Forms() {
    }

    static boolean isReference(int form) {
        return switch (form) {
            case Dw.FORM_REF1, Dw.FORM_REF2, Dw.FORM_REF4, Dw.FORM_REF8, Dw.FORM_REF_UDATA, Dw.FORM_REF_ADDR,
                    Dw.FORM_REF_SIG8 -> true;
            default -> false;
        };
    }

    /** Forms whose value is a section offset into a list (location or range list) rather than a constant. */
    static boolean isListPointer(int form, int version) {
        return form == Dw.FORM_SEC_OFFSET || form == Dw.FORM_LOCLISTX || form == Dw.FORM_RNGLISTX
                || (version < 4 && (form == Dw.FORM_DATA4 || form == Dw.FORM_DATA8));
    }

    static boolean isBlock(int form) {
        return switch (form) {
            case Dw.FORM_BLOCK1, Dw.FORM_BLOCK2, Dw.FORM_BLOCK4, Dw.FORM_BLOCK, Dw.FORM_EXPRLOC -> true;
            default -> false;
        };
    }

    static boolean isAddress(int form) {
        return switch (form) {
            case Dw.FORM_ADDR, Dw.FORM_ADDRX, Dw.FORM_ADDRX1, Dw.FORM_ADDRX2, Dw.FORM_ADDRX3, Dw.FORM_ADDRX4,
                    Dw.FORM_GNU_ADDR_INDEX -> true;
            default -> false;
        };
    }

    /**
     * Reads one value of {@code form} at the cursor: the numeric part goes to {@code values[i]}, a string or a
     * block to {@code objects[i]} (allocated on demand; returned). Unit-relative references become absolute.
     */
    static Object[] read(DwarfCursor c, int form, Unit u, long implicit, int i, long[] values, Object[] objects) {
        long v;
        Object o = null;
        switch (form) {
            case Dw.FORM_ADDR -> v = c.address(u.addressSize);
            case Dw.FORM_DATA1, Dw.FORM_REF1, Dw.FORM_FLAG, Dw.FORM_STRX1, Dw.FORM_ADDRX1 -> v = c.u8();
            case Dw.FORM_DATA2, Dw.FORM_REF2, Dw.FORM_STRX2, Dw.FORM_ADDRX2 -> v = c.u16();
            case Dw.FORM_STRX3, Dw.FORM_ADDRX3 -> v = c.u16() | ((long) c.u8() << 16);
            case Dw.FORM_DATA4, Dw.FORM_REF4, Dw.FORM_STRX4, Dw.FORM_ADDRX4, Dw.FORM_REF_SUP4 -> v = c.u32();
            case Dw.FORM_DATA8, Dw.FORM_REF8, Dw.FORM_REF_SIG8, Dw.FORM_REF_SUP8 -> v = c.u64();
            case Dw.FORM_DATA16 -> {
                v = 0;
                o = c.bytes(16);
            }
            case Dw.FORM_SDATA -> v = c.sleb();
            case Dw.FORM_UDATA, Dw.FORM_REF_UDATA, Dw.FORM_STRX, Dw.FORM_ADDRX, Dw.FORM_LOCLISTX,
                    Dw.FORM_RNGLISTX, Dw.FORM_GNU_ADDR_INDEX, Dw.FORM_GNU_STR_INDEX -> v = c.uleb();
            case Dw.FORM_STRING -> {
                v = 0;
                o = c.cstring();
            }
            case Dw.FORM_STRP, Dw.FORM_LINE_STRP, Dw.FORM_SEC_OFFSET, Dw.FORM_STRP_SUP -> v = c.offset(u.dwarf64);
            case Dw.FORM_REF_ADDR -> v = u.version <= 2 ? c.address(u.addressSize) : c.offset(u.dwarf64);
            case Dw.FORM_BLOCK1 -> {
                v = 0;
                o = c.bytes(c.u8());
            }
            case Dw.FORM_BLOCK2 -> {
                v = 0;
                o = c.bytes(c.u16());
            }
            case Dw.FORM_BLOCK4 -> {
                v = 0;
                o = c.bytes(checkedLength(c, c.u32()));
            }
            case Dw.FORM_BLOCK, Dw.FORM_EXPRLOC -> {
                v = 0;
                o = c.bytes(checkedLength(c, c.uleb()));
            }
            case Dw.FORM_FLAG_PRESENT -> v = 1;
            case Dw.FORM_IMPLICIT_CONST -> v = implicit;
            default -> throw c.error("unknown attribute form 0x" + Integer.toHexString(form));
        }
        switch (form) {
            case Dw.FORM_REF1, Dw.FORM_REF2, Dw.FORM_REF4, Dw.FORM_REF8, Dw.FORM_REF_UDATA -> v += u.offset;
            default -> {
            }
        }
        values[i] = v;
        if (o != null) {
            if (objects == null) {
                objects = new Object[values.length];
            }
            objects[i] = o;
        }
        return objects;
    }

    private static int checkedLength(DwarfCursor c, long len) {
        if (len < 0 || len > c.remaining()) {
            throw c.error("block of " + len + " bytes exceeds the " + c.remaining() + " bytes left");
        }
        return (int) len;
    }
}
