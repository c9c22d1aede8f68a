package dev.rewind.mcd.api;

/** mcd_trig_counter_st. */
public record TrigCounter(int type, int option, int action, int actionParam, boolean modified, int stateMask,
        long countValue, long reloadValue) implements Trigger {
}
