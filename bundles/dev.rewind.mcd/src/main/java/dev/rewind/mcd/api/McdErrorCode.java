package dev.rewind.mcd.api;

/** mcd_error_code_et: detailed error codes. */
public enum McdErrorCode {
    NONE(0),
    FN_UNIMPLEMENTED(0x0100),
    USAGE(0x0101),
    PARAM(0x0102),
    CONNECTION(0x0200),
    TIMED_OUT(0x0201),
    GENERAL(0x0F00),
    RESULT_TOO_LONG(0x1000),
    COULD_NOT_START_SERVER(0x1100),
    SERVER_LOCKED(0x1101),
    NO_MEM_SPACES(0x1401),
    NO_MEM_BLOCKS(0x1402),
    MEM_SPACE_ID(0x1410),
    NO_REG_GROUPS(0x1440),
    REG_GROUP_ID(0x1441),
    REG_NOT_COMPOUND(0x1442),
    OVERLAYS(0x1500),
    DEVICE_ACCESS(0x1900),
    DEVICE_LOCKED(0x1901),
    TXLIST_READ(0x2100),
    TXLIST_WRITE(0x2101),
    TXLIST_TX(0x2102),
    CHL_TYPE_NOT_SUPPORTED(0x3100),
    CHL_TARGET_NOT_SUPPORTED(0x3101),
    CHL_SETUP(0x3102),
    CHL_MESSAGE_FAILED(0x3140),
    TRIG_CREATE(0x3200),
    TRIG_ACCESS(0x3201);

    private final int code;

    McdErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
