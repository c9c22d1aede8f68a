package dev.rewind.symbols;

/**
 * The source position of an address.
 *
 * @param file    the file's path as DWARF names it (compilation dir / directory / name)
 * @param line    1-based line (0: the compiler attributed the code to no line)
 * @param column  1-based column (0: unknown)
 * @param isStmt  whether the row is a statement boundary
 * @param address the address of the line-table row that covers the asked address
 * @param lo      the first address of the contiguous block of rows with this file and line
 * @param hi      the first address after that block: "step over a line" runs while lo <= pc < hi
 */
public record SourceLine(String file, int line, int column, boolean isStmt, long address, long lo, long hi) {

    /** Whether {@code pc} lies in {@code [lo, hi)}. */
    public boolean contains(long pc) {
        return Long.compareUnsigned(pc - lo, hi - lo) < 0;
    }
}
