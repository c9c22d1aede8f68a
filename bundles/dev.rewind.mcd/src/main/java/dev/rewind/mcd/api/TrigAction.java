package dev.rewind.mcd.api;

/** mcd_trig_action_et bits. */
public enum TrigAction implements McdFlag {
    DEFAULT(0),
    DBG_DEBUG(0x1),
    DBG_GLOBAL(0x2),
    DBG_MONITOR(0x4),
    TRIG_BUS_EVENT(0x10),
    TRIG_BUS_SET(0x20),
    TRIG_BUS_CLEAR(0x40),
    TRACE_QUALIFY(0x100),
    TRACE_QUALIFY_PROGRAM(0x200),
    TRACE_QUALIFY_DATA(0x400),
    TRACE_START(0x800),
    TRACE_STOP(0x1000),
    TRACE_TRIGGER(0x2000),
    ANA_START_PERFM(0x10000),
    ANA_STOP_PERFM(0x20000),
    STATE_CHANGE(0x40000),
    COUNT_QUALIFY(0x80000),
    COUNT_START(0x100000),
    COUNT_STOP(0x200000),
    COUNT_RESTART(0x400000);

    private final int bit;

    TrigAction(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
