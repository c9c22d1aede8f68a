package dev.rewind.symbols;

import java.util.List;

/**
 * Where a breakpoint on a source line goes.
 *
 * @param file      the matched file's path as DWARF names it
 * @param line      the line it resolved to: the first line at or after the asked one that has code
 * @param addresses the is_stmt addresses where that line's blocks start, ascending
 */
public record LineAddresses(String file, int line, List<Long> addresses) {
    public LineAddresses {
        addresses = List.copyOf(addresses);
    }
}
