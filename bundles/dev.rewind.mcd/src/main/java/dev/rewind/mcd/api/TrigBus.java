package dev.rewind.mcd.api;

/** mcd_trig_trig_bus_st. */
public record TrigBus(int type, int option, int action, int actionParam, boolean modified, int stateMask,
        int trigBusValue, int trigBusMask) implements Trigger {
}
