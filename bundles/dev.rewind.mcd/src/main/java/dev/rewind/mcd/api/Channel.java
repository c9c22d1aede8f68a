package dev.rewind.mcd.api;

/** mcd_chl_st: attributes is a {@link ChlAttribute} mask. */
public record Channel(int chlId, ChlType type, int attributes, int maxMsgLen, Addr msgBufferAddr, int prio) {
}
