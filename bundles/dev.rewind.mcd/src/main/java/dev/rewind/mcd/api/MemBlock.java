package dev.rewind.mcd.api;

import java.util.List;

/** mcd_memblock_st. */
public record MemBlock(int memBlockId, String memBlockName, boolean hasChildren, int parentId, long startAddr, long endAddr, Endian endian, List<Integer> supportedAuSizes, int supportedAccessOptions, int coreModeMaskRead, int coreModeMaskWrite) {
    public MemBlock {
        supportedAuSizes = List.copyOf(supportedAuSizes);
    }
}
