package dev.rewind.mcd.api;

/** mcd_core_mode_info_st: core mode 1..32 and its name. */
public record CoreModeInfo(int coreMode, String name) {
}
