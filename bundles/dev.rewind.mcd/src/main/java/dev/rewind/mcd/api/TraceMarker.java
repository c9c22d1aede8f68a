package dev.rewind.mcd.api;

/** mcd_trace_marker_et bits. */
public enum TraceMarker implements McdFlag {
    NONE(0),
    RUN(0x1),
    DEBUG(0x2),
    START(0x4),
    STOP(0x8),
    ERROR(0x10),
    GAP(0x20);

    private final int bit;

    TraceMarker(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
