package dev.rewind.mcd.api;

/** mcd_chl_type_et. */
public enum ChlType {
    COMMON(1),
    CONFIG(2),
    APPLI(3);

    private final int value;

    ChlType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The constant with this C value.
     * @throws McdException PARAM if there is none */
    public static ChlType of(long value) throws McdException {
        for (ChlType v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw McdException.param("invalid ChlType value " + value);
    }
}
