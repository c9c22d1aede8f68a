package dev.rewind.mcd.api;

/** mcd_trace_state_et. */
public enum TraceExecState {
    NOCHANGE(0),
    DISABLE(1),
    OFF(2),
    ARM(3),
    TRIGGER(4),
    STOP(5),
    INIT(0x10);

    private final int value;

    TraceExecState(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The constant with this C value.
     * @throws McdException PARAM if there is none */
    public static TraceExecState of(long value) throws McdException {
        for (TraceExecState v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw McdException.param("invalid TraceExecState value " + value);
    }
}
