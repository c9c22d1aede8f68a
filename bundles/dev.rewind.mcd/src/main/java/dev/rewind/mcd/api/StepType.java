package dev.rewind.mcd.api;

/** mcd_core_step_type_et. */
public enum StepType {
    CYCLES(1),
    INSTR(2);

    private final int value;

    StepType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The constant with this C value.
     * @throws McdException PARAM if there is none */
    public static StepType of(long value) throws McdException {
        for (StepType v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw McdException.param("invalid StepType value " + value);
    }
}
