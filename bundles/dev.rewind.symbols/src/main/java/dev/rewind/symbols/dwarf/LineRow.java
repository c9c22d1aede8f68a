package dev.rewind.symbols.dwarf;

/**
 * One row of a line table.
 *
 * @param address       the row's address
 * @param file          the file index, as the program uses it (see {@link LineHeader#file(int)})
 * @param line          1-based line (0: no source line)
 * @param column        1-based column (0: unknown)
 * @param isStmt        a recommended breakpoint location
 * @param endSequence   the first address past a sequence (no source position)
 * @param discriminator the block discriminator (0 if none)
 */
public record LineRow(long address, int file, int line, int column, boolean isStmt, boolean endSequence,
        int discriminator) {
}
