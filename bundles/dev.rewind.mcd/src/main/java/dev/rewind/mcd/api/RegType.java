package dev.rewind.mcd.api;

/** mcd_reg_type_et. */
public enum RegType {
    SIMPLE(0),
    COMPOUND(1),
    PARTIAL(2);

    private final int value;

    RegType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The constant with this C value.
     * @throws McdException PARAM if there is none */
    public static RegType of(long value) throws McdException {
        for (RegType v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw McdException.param("invalid RegType value " + value);
    }
}
