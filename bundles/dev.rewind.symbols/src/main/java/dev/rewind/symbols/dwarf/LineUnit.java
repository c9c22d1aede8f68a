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
        this.header = header;
        this.rows = rows;
        int n = header.files().size() + (header.version() >= 5 ? 0 : 1);
        this.paths = new String[n];
        for (int i = 0; i < n; i++) {
            paths[i] = header.path(i);
        }
    }

    /** Reads the unit at {@code offset} of .debug_line ({@code lineStr}, {@code str} may be null). */
    public static LineUnit read(DwarfCursor debugLine, long offset, DwarfCursor lineStr, DwarfCursor str,
            int addressSize) {
        LineHeader h = LineHeader.read(debugLine, offset, lineStr, str);
        return new LineUnit(h, LineProgram.run(debugLine, h, addressSize));
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
