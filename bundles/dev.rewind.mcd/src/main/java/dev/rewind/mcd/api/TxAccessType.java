package dev.rewind.mcd.api;

/** mcd_tx_access_type_et. */
public enum TxAccessType {
    R(1),
    W(2),
    RW(3),
    WR(4);

    private final int value;

    TxAccessType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The constant with this C value.
     * @throws McdException PARAM if there is none */
    public static TxAccessType of(long value) throws McdException {
        for (TxAccessType v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw McdException.param("invalid TxAccessType value " + value);
    }
}
