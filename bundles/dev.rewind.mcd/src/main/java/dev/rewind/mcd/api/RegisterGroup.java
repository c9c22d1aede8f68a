package dev.rewind.mcd.api;

/** mcd_register_group_st. */
public record RegisterGroup(int regGroupId, String regGroupName, int nRegisters) {
}
