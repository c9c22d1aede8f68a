package dev.rewind.mcd.api;

/** mcd_trace_format_et. */
public enum TraceFormat {
    UNKNOWN(0),
    CORE_FETCH(1),
    CORE_EXECUTE(2),
    CORE_FLOW_ICOUNT(3),
    CORE_FLOW_BCOUNT(4),
    CORE_FLOW_IPREDICATE(5),
    EVENT(0x10),
    STAT(0x20);

    private final int value;

    TraceFormat(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The constant with this C value.
     * @throws McdException PARAM if there is none */
    public static TraceFormat of(long value) throws McdException {
        for (TraceFormat v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw McdException.param("invalid TraceFormat value " + value);
    }
}
