package dev.rewind.mcd.api;

/** mcd_endian_et. */
public enum Endian {
    DEFAULT(0),
    LITTLE(1),
    BIG(2);

    private final int value;

    Endian(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The constant with this C value.
     * @throws McdException PARAM if there is none */
    public static Endian of(long value) throws McdException {
        for (Endian v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw McdException.param("invalid Endian value " + value);
    }
}
