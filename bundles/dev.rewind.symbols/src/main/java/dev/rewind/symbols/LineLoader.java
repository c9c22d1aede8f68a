package dev.rewind.symbols;

import dev.rewind.symbols.dwarf.DwarfCursor;
import dev.rewind.symbols.dwarf.DwarfException;
import dev.rewind.symbols.dwarf.LineUnit;
import dev.rewind.symbols.dwarf.UnitDirectories;
import dev.rewind.symbols.elf.ElfFile;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads every unit of .debug_line; a bad unit becomes a problem and the next one is read. */
final class LineLoader {

    private LineLoader() {
    }

    static List<LineUnit> load(ElfFile elf, List<String> problems) {
        List<LineUnit> units = new ArrayList<>();
        ByteBuffer line = elf.section(".debug_line").orElse(null);
        if (line == null) {
            return units;
        }
        DwarfCursor c = new DwarfCursor(line, ".debug_line");
        DwarfCursor lineStr = elf.section(".debug_line_str").map(b -> new DwarfCursor(b, ".debug_line_str"))
                .orElse(null);
        DwarfCursor str = elf.section(".debug_str").map(b -> new DwarfCursor(b, ".debug_str")).orElse(null);
        int addressSize = elf.xlen() / 8;
        Map<Long, String> compDirs = new HashMap<>();
        ByteBuffer info = elf.section(".debug_info").orElse(null);
        ByteBuffer abbrev = elf.section(".debug_abbrev").orElse(null);
        if (info != null && abbrev != null) {
            compDirs = UnitDirectories.read(new DwarfCursor(info, ".debug_info"), new DwarfCursor(abbrev,
                    ".debug_abbrev"), str, lineStr, problems);
        }
        long offset = 0;
        while (offset < c.limit()) {
            long next;
            try {
                c.position(offset);
                DwarfCursor.InitialLength len = c.initialLength();
                next = c.position() + len.length();
                if (len.length() > c.remaining()) {
                    problems.add(c.error("line unit length " + len.length() + " runs past the end of the section",
                            offset).getMessage());
                    break;
                }
            } catch (DwarfException e) {
                problems.add(e.getMessage());
                break;
            }
            try {
                units.add(LineUnit.read(c, offset, lineStr, str, addressSize, compDirs.get(offset)));
            } catch (DwarfException e) {
                problems.add("line unit at .debug_line+0x" + Long.toHexString(offset) + ": " + e.getMessage());
            }
            offset = next;
        }
        return units;
    }
}
