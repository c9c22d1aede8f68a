package dev.rewind.symbols.info;

import dev.rewind.symbols.dwarf.DwarfCursor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Names the operations of a DWARF expression as readelf does (nested entry values too), for comparisons. */
final class OpNames {
    private static final String[] SIMPLE = new String[256];

    static {
        String[][] t = {{"03", "addr"}, {"06", "deref"}, {"08", "const1u"}, {"09", "const1s"}, {"0a", "const2u"},
            {"0b", "const2s"}, {"0c", "const4u"}, {"0d", "const4s"}, {"0e", "const8u"}, {"0f", "const8s"},
            {"10", "constu"}, {"11", "consts"}, {"12", "dup"}, {"13", "drop"}, {"14", "over"}, {"15", "pick"},
            {"16", "swap"}, {"17", "rot"}, {"19", "abs"}, {"1a", "and"}, {"1b", "div"}, {"1c", "minus"},
            {"1d", "mod"}, {"1e", "mul"}, {"1f", "neg"}, {"20", "not"}, {"21", "or"}, {"22", "plus"},
            {"23", "plus_uconst"}, {"24", "shl"}, {"25", "shr"}, {"26", "shra"}, {"27", "xor"}, {"28", "bra"},
            {"29", "eq"}, {"2a", "ge"}, {"2b", "gt"}, {"2c", "le"}, {"2d", "lt"}, {"2e", "ne"}, {"2f", "skip"},
            {"90", "regx"}, {"91", "fbreg"}, {"92", "bregx"}, {"93", "piece"}, {"94", "deref_size"}, {"96", "nop"},
            {"9c", "call_frame_cfa"}, {"9d", "bit_piece"}, {"9e", "implicit_value"}, {"9f", "stack_value"},
            {"a0", "implicit_pointer"}, {"a3", "entry_value"}, {"a4", "const_type"}, {"a5", "regval_type"},
            {"a6", "deref_type"}, {"a8", "convert"}, {"a9", "reinterpret"}, {"f2", "GNU_implicit_pointer"},
            {"f3", "GNU_entry_value"}};
        for (String[] e : t) {
            SIMPLE[Integer.parseInt(e[0], 16)] = "DW_OP_" + e[1];
        }
    }

    private OpNames() {
    }

    static String of(byte[] expr, int addressSize) {
        List<String> out = new ArrayList<>();
        names(new DwarfCursor(ByteBuffer.wrap(expr), "expr"), addressSize, out);
        return String.join(" ", out);
    }

    private static void names(DwarfCursor c, int as, List<String> out) {
        while (c.hasRemaining()) {
            int op = c.u8();
            if (op >= 0x30 && op <= 0x4f) {
                out.add("DW_OP_lit" + (op - 0x30));
                continue;
            }
            if (op >= 0x50 && op <= 0x6f) {
                out.add("DW_OP_reg" + (op - 0x50));
                continue;
            }
            if (op >= 0x70 && op <= 0x8f) {
                out.add("DW_OP_breg" + (op - 0x70));
                c.sleb();
                continue;
            }
            out.add(SIMPLE[op] == null ? "0x" + Integer.toHexString(op) : SIMPLE[op]);
            switch (op) {
                case 0x03 -> c.address(as);
                case 0x08, 0x09, 0x15, 0x94 -> c.u8();
                case 0x0a, 0x0b, 0x28, 0x2f -> c.u16();
                case 0x0c, 0x0d -> c.u32();
                case 0x0e, 0x0f -> c.u64();
                case 0x10, 0x23, 0x90, 0x93, 0xa8, 0xa9 -> c.uleb();
                case 0x11, 0x91 -> c.sleb();
                case 0x92 -> {
                    c.uleb();
                    c.sleb();
                }
                case 0x9d, 0xa5 -> {
                    c.uleb();
                    c.uleb();
                }
                case 0x9e -> c.skip(c.uleb());
                case 0xa0, 0xf2 -> {
                    c.u32();
                    c.sleb();
                }
                case 0xa3, 0xf3 -> {
                    long n = c.uleb();
                    names(c.slice(c.position(), n), as, out);
                    c.skip(n);
                }
                case 0xa4 -> {
                    c.uleb();
                    c.skip(c.u8());
                }
                case 0xa6 -> {
                    c.u8();
                    c.uleb();
                }
                default -> {
                }
            }
        }
    }
}
