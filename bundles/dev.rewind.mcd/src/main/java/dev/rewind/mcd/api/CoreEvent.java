package dev.rewind.mcd.api;

/** mcd_core_event_et bits. */
public enum CoreEvent implements McdFlag {
    NONE(0),
    MEMORY_CHANGE(0x1),
    REGISTER_CHANGE(0x2),
    TRACE_CHANGE(0x4),
    TRIGGER_CHANGE(0x8),
    STOPPED(0x10),
    CHL_PENDING(0x20);

    private final int bit;

    CoreEvent(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
