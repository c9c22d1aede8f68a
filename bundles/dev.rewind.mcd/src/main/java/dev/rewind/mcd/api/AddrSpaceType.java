package dev.rewind.mcd.api;

/** mcd_addr_space_type_et. */
public enum AddrSpaceType {
    NOTUSED(0),
    OVERLAY(1),
    MEMBANK(2),
    PROCESS(3),
    HW_THREAD(4);

    private final int value;

    AddrSpaceType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The constant with this C value.
     * @throws McdException PARAM if there is none */
    public static AddrSpaceType of(long value) throws McdException {
        for (AddrSpaceType v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw McdException.param("invalid AddrSpaceType value " + value);
    }
}
