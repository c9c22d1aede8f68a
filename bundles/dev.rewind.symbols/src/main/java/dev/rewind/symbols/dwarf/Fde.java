package dev.rewind.symbols.dwarf;

/**
 * A Frame Description Entry: the call frame instructions for {@code [pcBegin, pcEnd)}.
 *
 * @param offset            the entry's offset in its section
 * @param section           ".debug_frame" or ".eh_frame"
 * @param cie               its CIE
 * @param pcBegin           the first address covered
 * @param pcEnd             the first address not covered
 * @param instructionsStart offset of its instructions in the section
 * @param instructionsEnd   offset just past them
 */
public record Fde(long offset, String section, Cie cie, long pcBegin, long pcEnd, long instructionsStart,
        long instructionsEnd) {

    public boolean contains(long pc) {
        return Long.compareUnsigned(pc - pcBegin, pcEnd - pcBegin) < 0;
    }
}
