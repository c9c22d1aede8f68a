package dev.rewind.mcd.api;

/** mcd_trig_set_state_st. */
public record TrigSetState(boolean active, int state, boolean stateValid, int trigBus, boolean trigBusValid, boolean trace, boolean traceValid, boolean analysis, boolean analysisValid) {
}
