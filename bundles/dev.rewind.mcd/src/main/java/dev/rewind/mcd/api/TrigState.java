package dev.rewind.mcd.api;

/** mcd_trig_state_st. */
public record TrigState(boolean active, boolean captured, boolean capturedValid, long countValue, boolean countValid) {
}
