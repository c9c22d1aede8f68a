package dev.rewind.mcd.api;

/** mcd_memspace_st. memType and supportedAccessOptions are {@link MemType} / {@link TxOption} masks. */
public record MemSpace(int memSpaceId, String memSpaceName, int memType, int bitsPerMau, int invariance, Endian endian, long minAddr, long maxAddr, int numMemBlocks, int supportedAccessOptions, int coreModeMaskRead, int coreModeMaskWrite) {
}
