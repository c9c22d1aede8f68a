package dev.rewind.symbols.info;

import java.util.List;

/**
 * A compile unit (or partial unit).
 *
 * @param offset    its offset in .debug_info
 * @param version   its DWARF version
 * @param name      DW_AT_name (the primary source file), may be null
 * @param compDir   DW_AT_comp_dir, may be null
 * @param producer  DW_AT_producer, may be null
 * @param language  DW_AT_language (0 when absent)
 * @param ranges    the pcs it covers (low/high pc or DW_AT_ranges)
 * @param stmtList  DW_AT_stmt_list: offset of its line table in .debug_line, or -1
 */
public record CompileUnit(long offset, int version, String name, String compDir, String producer, int language,
        List<PcRange> ranges, long stmtList) {

    public boolean contains(long pc) {
        for (PcRange r : ranges) {
            if (r.contains(pc)) {
                return true;
            }
        }
        return false;
    }
}
