package dev.rewind.symbols.dwarf;

/**
 * Reads attribute values of the forms that line-table headers use: strings (inline, .debug_str,
 * .debug_line_str), constants, blocks and data16. Returns a String, a Long or a byte[].
 */
public final class FormReader {

    public static final int DW_FORM_BLOCK2 = 0x03;
    public static final int DW_FORM_BLOCK4 = 0x04;
    public static final int DW_FORM_DATA2 = 0x05;
    public static final int DW_FORM_DATA4 = 0x06;
    public static final int DW_FORM_DATA8 = 0x07;
    public static final int DW_FORM_STRING = 0x08;
    public static final int DW_FORM_BLOCK = 0x09;
    public static final int DW_FORM_BLOCK1 = 0x0a;
    public static final int DW_FORM_DATA1 = 0x0b;
    public static final int DW_FORM_SDATA = 0x0d;
    public static final int DW_FORM_STRP = 0x0e;
    public static final int DW_FORM_UDATA = 0x0f;
    public static final int DW_FORM_DATA16 = 0x1e;
    public static final int DW_FORM_LINE_STRP = 0x1f;

    private FormReader() {
    }

    /** Reads one value of {@code form}; an unsupported form is a {@link DwarfException}. */
    public static Object read(DwarfCursor c, int form, boolean dwarf64, DwarfCursor lineStr, DwarfCursor str) {
        return switch (form) {
            case DW_FORM_STRING -> c.cstring();
            case DW_FORM_LINE_STRP -> indirect(c, lineStr, ".debug_line_str", c.offset(dwarf64));
            case DW_FORM_STRP -> indirect(c, str, ".debug_str", c.offset(dwarf64));
            case DW_FORM_DATA1 -> (long) c.u8();
            case DW_FORM_DATA2 -> (long) c.u16();
            case DW_FORM_DATA4 -> c.u32();
            case DW_FORM_DATA8 -> c.u64();
            case DW_FORM_UDATA -> c.uleb();
            case DW_FORM_SDATA -> c.sleb();
            case DW_FORM_DATA16 -> c.bytes(16);
            case DW_FORM_BLOCK1 -> c.bytes(c.u8());
            case DW_FORM_BLOCK2 -> c.bytes(c.u16());
            case DW_FORM_BLOCK4 -> c.bytes(length(c, c.u32()));
            case DW_FORM_BLOCK -> c.bytes(length(c, c.uleb()));
            default -> throw c.error("unsupported form 0x" + Integer.toHexString(form) + " in a line table header");
        };
    }

    static String string(DwarfCursor c, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw c.error("a path must have a string form");
    }

    static long number(DwarfCursor c, Object v) {
        if (v instanceof Long l) {
            return l;
        }
        throw c.error("an index must have a constant form");
    }

    private static int length(DwarfCursor c, long n) {
        if (n < 0 || n > c.remaining()) {
            throw c.error("block of " + n + " bytes runs past the end");
        }
        return (int) n;
    }

    private static String indirect(DwarfCursor c, DwarfCursor table, String name, long offset) {
        if (table == null) {
            throw c.error("string form refers to " + name + ", which is missing");
        }
        if (offset < 0 || offset >= table.limit()) {
            throw c.error("offset 0x" + Long.toHexString(offset) + " outside " + name);
        }
        return table.cstringAt(offset);
    }
}
