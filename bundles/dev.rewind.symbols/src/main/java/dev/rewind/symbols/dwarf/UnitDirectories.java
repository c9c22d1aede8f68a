package dev.rewind.symbols.dwarf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compilation directory of each unit, by its line table: DW_AT_stmt_list and DW_AT_comp_dir of the first DIE
 * of every .debug_info unit. Before DWARF 5 a line table does not name its compilation directory; binutils and
 * gdb put it in front of relative paths, and so do we. Only the unit headers and first DIEs are read here.
 */
public final class UnitDirectories {

    private static final int DW_AT_STMT_LIST = 0x10;
    private static final int DW_AT_COMP_DIR = 0x1b;

    private UnitDirectories() {
    }

    /** stmt_list offset to comp_dir; a unit that cannot be read is reported in {@code problems} and skipped. */
    public static Map<Long, String> read(DwarfCursor info, DwarfCursor abbrev, DwarfCursor str, DwarfCursor lineStr,
            List<String> problems) {
        Map<Long, String> out = new HashMap<>();
        long offset = 0;
        while (offset < info.limit()) {
            long next;
            try {
                info.position(offset);
                DwarfCursor.InitialLength len = info.initialLength();
                next = info.position() + len.length();
                if (len.length() > info.remaining()) {
                    problems.add(info.error("unit length " + len.length() + " runs past the end", offset).getMessage());
                    return out;
                }
                DwarfCursor u = info.slice(0, next);
                u.position(info.position());
                firstDie(u, len.dwarf64(), abbrev, str, lineStr, out);
            } catch (DwarfException e) {
                problems.add("compilation directory of the unit at .debug_info+0x" + Long.toHexString(offset) + ": "
                        + e.getMessage());
                return out;
            }
            offset = next;
        }
        return out;
    }

    private static void firstDie(DwarfCursor u, boolean dwarf64, DwarfCursor abbrev, DwarfCursor str,
            DwarfCursor lineStr, Map<Long, String> out) {
        int version = u.u16();
        int addrSize;
        long abbrevOffset;
        if (version >= 5) {
            int type = u.u8();
            addrSize = u.u8();
            abbrevOffset = u.offset(dwarf64);
            if (type == 4 || type == 5) {
                u.u64(); // skeleton / split: dwo_id
            } else if (type == 2 || type == 6) {
                u.u64(); // type units: signature and type offset
                u.offset(dwarf64);
            }
        } else if (version >= 2) {
            abbrevOffset = u.offset(dwarf64);
            addrSize = u.u8();
        } else {
            throw u.error("unsupported .debug_info version " + version);
        }
        long code = u.uleb();
        if (code == 0) {
            return;
        }
        DwarfCursor a = abbrev.slice(0, abbrev.limit());
        a.position(abbrevOffset);
        for (long c = a.uleb(); c != code; c = a.uleb()) { // find the abbreviation: skip the others
            if (c == 0) {
                throw a.error("abbreviation " + code + " not found");
            }
            a.uleb();
            a.u8();
            skipSpecs(a);
        }
        a.uleb(); // tag
        a.u8(); // children
        Long stmt = null;
        String dir = null;
        for (long at = a.uleb(), form = a.uleb(); at != 0 || form != 0; at = a.uleb(), form = a.uleb()) {
            if (form == 0x21) {
                a.sleb(); // implicit_const: the value is in the abbreviation
            }
            if (at == DW_AT_STMT_LIST && (form == 0x17 || form == 0x06 || form == 0x07)) {
                stmt = form == 0x17 ? u.offset(dwarf64) : form == 0x06 ? u.u32() : u.u64();
            } else if (at == DW_AT_COMP_DIR && (form == 0x08 || form == 0x0e || form == 0x1f)) {
                Object v = FormReader.read(u, (int) form, dwarf64, lineStr, str);
                dir = (String) v;
            } else {
                FormSkipper.skip(u, (int) form, dwarf64, addrSize, version);
            }
        }
        if (stmt != null && dir != null) {
            out.put(stmt, dir);
        }
    }

    private static void skipSpecs(DwarfCursor a) {
        for (long at = a.uleb(), form = a.uleb(); at != 0 || form != 0; at = a.uleb(), form = a.uleb()) {
            if (form == 0x21) {
                a.sleb();
            }
        }
    }
}
