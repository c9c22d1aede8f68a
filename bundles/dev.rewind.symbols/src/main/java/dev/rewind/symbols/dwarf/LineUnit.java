package dev.rewind.symbols.dwarf;

/**
 * One line-number program of .debug_line: its header, its rows in program order, and the paths of its files.
 * A compilation unit's DW_AT_stmt_list is its {@link #offset()}; DW_AT_decl_file indexes {@link #path(int)}.
 */
public final class LineUnit {

    private final LineHeader header;
    private final LineRows rows;
    private final String[] paths;

    public LineUnit(LineHeader header, LineRows rows) {
        this(header, rows, header.compilationDirectory());
    }

    /** A unit whose relative paths are completed with {@code compDir} (the CU's DW_AT_comp_dir). */
    public LineUnit(LineHeader header, LineRows rows, String compDir) {
        this.header = header;
        this.rows = rows;
        int n = header.files().size() + (header.version() >= 5 ? 0 : 1);
        this.paths = new String[n];
        for (int i = 0; i < n; i++) {
            paths[i] = header.path(i, compDir);
        }
    }

    /** Reads the unit at {@code offset} of .debug_line ({@code lineStr}, {@code str} may be null). */
    public static LineUnit read(DwarfCursor debugLine, long offset, DwarfCursor lineStr, DwarfCursor str,
            int addressSize) {
        return read(debugLine, offset, lineStr, str, addressSize, null);
    }

    /** As above; {@code compDir}, if not null, completes relative paths of a pre-DWARF 5 table. */
    public static LineUnit read(DwarfCursor debugLine, long offset, DwarfCursor lineStr, DwarfCursor str,
            int addressSize, String compDir) {
        LineHeader h = LineHeader.read(debugLine, offset, lineStr, str);
        LineRows rows = LineProgram.run(debugLine, h, addressSize);
        return h.version() >= 5 || compDir == null ? new LineUnit(h, rows) : new LineUnit(h, rows, compDir);
    }

    public long offset() {
        return header.offset();
    }

    public LineHeader header() {
        return header;
    }

    public LineRows rows() {
        return rows;
    }

    /** The path of file {@code index} as the program numbers files, or null if there is no such file. */
    public String path(int index) {
        return index >= 0 && index < paths.length ? paths[index] : null;
    }
}
