package dev.rewind.symbols.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * The header of one line-number program (DWARF 2 to 5). File and directory indices are kept as the program uses
 * them: in DWARF 5 they are 0-based, before that file 1 is the first entry and directory 0 the compilation
 * directory (which only .debug_info knows; {@link #directory(int)} returns "" for it then).
 *
 * @param offset          the unit's offset in .debug_line
 * @param end             the offset just past the unit
 * @param programStart    the offset of the first opcode
 * @param version         2..5
 * @param dwarf64         64-bit DWARF
 * @param addressSize     from the v5 header, else 0 (unknown)
 * @param minInstLength   minimum_instruction_length
 * @param maxOps          maximum_operations_per_instruction (1 before v4)
 * @param defaultIsStmt   default_is_stmt
 * @param lineBase        line_base
 * @param lineRange       line_range (never 0)
 * @param opcodeBase      opcode_base
 * @param opcodeLengths   standard_opcode_lengths (index 0 = opcode 1)
 * @param directories     the include directories as stored
 * @param files           the file entries as stored
 */
public record LineHeader(long offset, long end, long programStart, int version, boolean dwarf64, int addressSize,
        int minInstLength, int maxOps, boolean defaultIsStmt, int lineBase, int lineRange, int opcodeBase,
        int[] opcodeLengths, List<String> directories, List<FileEntry> files) {

    /** A file-table entry; md5 is null when absent. */
    public record FileEntry(String name, int directory, long mtime, long length, byte[] md5) {
    }

    /** The file entry the program calls {@code index}, or null if there is none. */
    public FileEntry file(int index) {
        int i = version >= 5 ? index : index - 1;
        return i >= 0 && i < files.size() ? files.get(i) : null;
    }

    /** The directory the program calls {@code index} ("" for the implicit compilation directory before v5). */
    public String directory(int index) {
        int i = version >= 5 ? index : index - 1;
        return i >= 0 && i < directories.size() ? directories.get(i) : "";
    }

    /** The compilation directory (directory 0 in DWARF 5; "" before). */
    public String compilationDirectory() {
        return version >= 5 && !directories.isEmpty() ? directories.get(0) : "";
    }

    /**
     * The file's path as binutils composes it: compilation dir / directory / name, each part only when the
     * following one is relative. Null if the index is out of range.
     */
    public String path(int fileIndex) {
        return path(fileIndex, compilationDirectory());
    }

    /** As {@link #path(int)} with the compilation directory given (from the unit's DW_AT_comp_dir). */
    public String path(int fileIndex, String comp) {
        FileEntry f = file(fileIndex);
        if (f == null) {
            return null;
        }
        if (f.name().startsWith("/")) {
            return f.name();
        }
        String dir = f.directory() == 0 && version >= 5 ? "" : directory(f.directory());
        String path = dir.isEmpty() ? f.name() : dir + "/" + f.name();
        if (!path.startsWith("/") && !comp.isEmpty()) {
            path = comp + "/" + path;
        }
        return path;
    }

    /** Reads the header of the unit at {@code unitOffset}; {@code lineStr} (.debug_line_str) and {@code str} may be null. */
    public static LineHeader read(DwarfCursor c, long unitOffset, DwarfCursor lineStr, DwarfCursor str) {
        c.position(unitOffset);
        DwarfCursor.InitialLength len = c.initialLength();
        long end = c.position() + len.length();
        if (end > c.limit() || end < c.position()) {
            throw c.error("unit length " + len.length() + " runs past the end of the section", unitOffset);
        }
        int version = c.u16();
        if (version < 2 || version > 5) {
            throw c.error("unsupported line table version " + version, unitOffset);
        }
        int addressSize = 0;
        if (version >= 5) {
            addressSize = c.u8();
            int segSel = c.u8();
            if (segSel != 0) {
                throw c.error("segment selectors are not supported (size " + segSel + ")");
            }
        }
        long headerLength = c.offset(len.dwarf64());
        long programStart = c.position() + headerLength;
        if (programStart > end || programStart < c.position()) {
            throw c.error("header length " + headerLength + " runs past the unit", unitOffset);
        }
        int minInst = c.u8();
        int maxOps = version >= 4 ? c.u8() : 1;
        boolean defaultIsStmt = c.u8() != 0;
        int lineBase = c.s8();
        int lineRange = c.u8();
        int opcodeBase = c.u8();
        if (lineRange == 0) {
            throw c.error("line_range is 0", unitOffset);
        }
        if (maxOps == 0) {
            throw c.error("maximum_operations_per_instruction is 0", unitOffset);
        }
        if (opcodeBase == 0) {
            throw c.error("opcode_base is 0", unitOffset);
        }
        int[] lengths = new int[opcodeBase - 1];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = c.u8();
        }
        DwarfCursor h = c.slice(0, programStart);
        h.position(c.position());
        List<String> dirs = new ArrayList<>();
        List<FileEntry> files = new ArrayList<>();
        if (version >= 5) {
            LineEntryFormat.readDirectories(h, len.dwarf64(), lineStr, str, dirs);
            LineEntryFormat.readFiles(h, len.dwarf64(), lineStr, str, files);
        } else {
            for (String d = h.cstring(); !d.isEmpty(); d = h.cstring()) {
                dirs.add(d);
            }
            for (String f = h.cstring(); !f.isEmpty(); f = h.cstring()) {
                files.add(new FileEntry(f, (int) h.uleb(), h.uleb(), h.uleb(), null));
            }
        }
        return new LineHeader(unitOffset, end, programStart, version, len.dwarf64(), addressSize, minInst, maxOps,
                defaultIsStmt, lineBase, lineRange, opcodeBase, lengths, List.copyOf(dirs), files);
    }
}
