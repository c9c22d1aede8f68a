package dev.rewind.mcd.api;

/** mcd_rst_info_st. */
public record RstInfo(int classVector, String infoStr) {
}
