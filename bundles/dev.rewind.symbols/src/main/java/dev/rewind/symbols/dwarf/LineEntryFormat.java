package dev.rewind.symbols.dwarf;

import java.util.List;

/** DWARF 5 directory and file-name tables of a line header: entry formats, then entries. */
final class LineEntryFormat {

    static final int DW_LNCT_PATH = 1;
    static final int DW_LNCT_DIRECTORY_INDEX = 2;
    static final int DW_LNCT_TIMESTAMP = 3;
    static final int DW_LNCT_SIZE = 4;
    static final int DW_LNCT_MD5 = 5;
    private static final int MAX_ENTRIES = 1 << 20;

    private LineEntryFormat() {
    }

    static void readDirectories(DwarfCursor c, boolean dwarf64, DwarfCursor lineStr, DwarfCursor str,
            List<String> out) {
        long[][] format = readFormat(c);
        long count = count(c, "directories");
        for (long i = 0; i < count; i++) {
            String path = "";
            for (long[] f : format) {
                Object v = FormReader.read(c, (int) f[1], dwarf64, lineStr, str);
                if (f[0] == DW_LNCT_PATH) {
                    path = FormReader.string(c, v);
                }
            }
            out.add(path);
        }
    }

    static void readFiles(DwarfCursor c, boolean dwarf64, DwarfCursor lineStr, DwarfCursor str,
            List<LineHeader.FileEntry> out) {
        long[][] format = readFormat(c);
        long count = count(c, "file names");
        for (long i = 0; i < count; i++) {
            String path = "";
            long dir = 0;
            long mtime = 0;
            long size = 0;
            byte[] md5 = null;
            for (long[] f : format) {
                Object v = FormReader.read(c, (int) f[1], dwarf64, lineStr, str);
                switch ((int) f[0]) {
                    case DW_LNCT_PATH -> path = FormReader.string(c, v);
                    case DW_LNCT_DIRECTORY_INDEX -> dir = FormReader.number(c, v);
                    case DW_LNCT_TIMESTAMP -> mtime = v instanceof Long l ? l : 0;
                    case DW_LNCT_SIZE -> size = FormReader.number(c, v);
                    case DW_LNCT_MD5 -> md5 = v instanceof byte[] b ? b : null;
                    default -> {
                        // vendor content types are skipped (their form told us their size)
                    }
                }
            }
            if (dir < 0 || dir > Integer.MAX_VALUE) {
                throw c.error("directory index " + dir + " out of range");
            }
            out.add(new LineHeader.FileEntry(path, (int) dir, mtime, size, md5));
        }
    }

    private static long[][] readFormat(DwarfCursor c) {
        int n = c.u8();
        long[][] format = new long[n][];
        for (int i = 0; i < n; i++) {
            format[i] = new long[] {c.uleb(), c.uleb()};
        }
        return format;
    }

    private static long count(DwarfCursor c, String what) {
        long n = c.uleb();
        if (n < 0 || n > MAX_ENTRIES || n > c.remaining()) {
            throw c.error("implausible number of " + what + ": " + n);
        }
        return n;
    }
}
