package dev.rewind.symbols.dwarf;

/** Skips one attribute value of any DWARF 2..5 form (and the GNU extensions GCC uses). */
public final class FormSkipper {

    private static final int MAX_INDIRECT = 8;

    private FormSkipper() {
    }

    /** Skips a value of {@code form} in a unit of {@code version} (implicit_const has no data in the unit). */
    public static void skip(DwarfCursor u, int form, boolean dwarf64, int addrSize, int version) {
        skipNested(u, form, dwarf64, addrSize, version, 0);
    }

    private static void skipNested(DwarfCursor u, int form, boolean dwarf64, int addrSize, int version, int depth) {
        switch (form) {
            case 0x01 -> u.skip(addrSize); // addr
            case 0x03 -> u.skip(u.u16()); // block2
            case 0x04 -> u.skip(u.u32()); // block4
            case 0x05, 0x12, 0x26, 0x2a -> u.skip(2); // data2, ref2, strx2, addrx2
            case 0x06, 0x13, 0x1c, 0x28, 0x2c -> u.skip(4); // data4, ref4, ref_sup4, strx4, addrx4
            case 0x07, 0x14, 0x20, 0x24 -> u.skip(8); // data8, ref8, ref_sig8, ref_sup8
            case 0x08 -> u.cstring();
            case 0x09, 0x18 -> u.skip(u.uleb()); // block, exprloc
            case 0x0a -> u.skip(u.u8()); // block1
            case 0x0b, 0x0c, 0x11, 0x25, 0x29 -> u.skip(1); // data1, flag, ref1, strx1, addrx1
            case 0x0d -> u.sleb();
            case 0x0f, 0x15, 0x1a, 0x1b, 0x22, 0x23, 0x1f20, 0x1f21 -> u.uleb();
            case 0x0e, 0x17, 0x1d, 0x1f, 0x1f01, 0x1f02 -> u.offset(dwarf64); // strp, sec_offset, line_strp, ...
            case 0x10 -> u.skip(version <= 2 ? addrSize : dwarf64 ? 8 : 4); // ref_addr
            case 0x16 -> { // indirect
                if (depth >= MAX_INDIRECT) {
                    throw u.error("DW_FORM_indirect nested too deeply");
                }
                skipNested(u, (int) u.uleb(), dwarf64, addrSize, version, depth + 1);
            }
            case 0x19, 0x21 -> { } // flag_present, implicit_const: no data
            case 0x1e -> u.skip(16);
            case 0x27, 0x2b -> u.skip(3); // strx3, addrx3
            default -> throw u.error("unknown form 0x" + Integer.toHexString(form));
        }
    }
}
