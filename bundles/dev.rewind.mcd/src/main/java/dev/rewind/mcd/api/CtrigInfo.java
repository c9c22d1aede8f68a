package dev.rewind.mcd.api;

/** mcd_ctrig_info_st. */
public record CtrigInfo(int ctrigId, String infoStr) {
}
