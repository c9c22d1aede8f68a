package dev.rewind.mcd.api;

/** mcd_core_state_et. */
public enum CoreExecState {
    UNKNOWN(0),
    RUNNING(1),
    HALTED(2),
    DEBUG(3);

    private final int value;

    CoreExecState(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The constant with this C value.
     * @throws McdException PARAM if there is none */
    public static CoreExecState of(long value) throws McdException {
        for (CoreExecState v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw McdException.param("invalid CoreExecState value " + value);
    }
}
