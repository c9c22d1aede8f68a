package dev.rewind.mcd.api;

/** mcd_register_info_st: regSize in bits; addr is the register's address in the register memory space. */
public record RegisterInfo(Addr addr, int regGroupId, String regName, int regSize, int coreModeMaskRead, int coreModeMaskWrite, boolean sideEffectsRead, boolean sideEffectsWrite, RegType regType, int hwThreadId) {
}
