package dev.rewind.mcd.api;

/** mcd_trace_mode_et bits. */
public enum TraceMode implements McdFlag {
    NOCHANGE(0),
    FIFO(0x1),
    STACK(0x2),
    LEACH(0x4),
    PIPE(0x8);

    private final int bit;

    TraceMode(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
