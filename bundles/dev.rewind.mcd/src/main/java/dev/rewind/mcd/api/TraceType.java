package dev.rewind.mcd.api;

/** mcd_trace_type_et bits. */
public enum TraceType implements McdFlag {
    UNKNOWN(0),
    CORE(0x1),
    BUS(0x2),
    EVENT(0x4),
    STAT(0x8);

    private final int bit;

    TraceType(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
