package dev.rewind.mcd.api;

/** mcd_trig_info_st: supported {@link TrigType}, {@link TrigOption}, {@link TrigAction} masks and numbers. */
public record TrigInfo(int type, int option, int action, int trigNumber, int stateNumber, int counterNumber, boolean swBreakpoints) {
}
