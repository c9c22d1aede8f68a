package dev.rewind.mcd.api;

/** mcd_trace_cycle_et. */
public enum TraceCycle {
    UNKNOWN(0),
    NONE(1),
    EXECUTE(2),
    NOTEXECUTE(3),
    FETCH(4),
    READ(5),
    WRITE(6),
    OWNERSHIP(7);

    private final int value;

    TraceCycle(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The constant with this C value.
     * @throws McdException PARAM if there is none */
    public static TraceCycle of(long value) throws McdException {
        for (TraceCycle v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw McdException.param("invalid TraceCycle value " + value);
    }
}
