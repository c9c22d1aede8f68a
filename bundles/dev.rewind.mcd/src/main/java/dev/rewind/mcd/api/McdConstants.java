package dev.rewind.mcd.api;

/** Constants of {@code mcd_api.h} (version and limits). */
public final class McdConstants {
    private McdConstants() {
    }

    /** MCD_API_VER_MAJOR. */
    public static final int API_VER_MAJOR = 1;
    /** MCD_API_VER_MINOR. */
    public static final int API_VER_MINOR = 1;
    /** MCD_API_VER_AUTHOR as implemented by Rewind. */
    public static final String API_VER_AUTHOR = "Rewind";
    public static final int HOSTNAME_LEN = 64;
    public static final int REG_NAME_LEN = 32;
    public static final int MEM_SPACE_NAME_LEN = 32;
    public static final int MEM_BLOCK_NAME_LEN = 32;
    public static final int MEM_BLOCK_NOPARENT = 0;
    public static final int MEM_AUSIZE_NUM = 8;
    public static final int INFO_STR_LEN = 256;
    public static final int KEY_LEN = 64;
    public static final int UNIQUE_NAME_LEN = 64;
    public static final int MAX_TRIGS = 32;
    public static final int API_IMP_VENDOR_LEN = 32;
    public static final int CHL_NUM_MAX = 32;
    public static final int CHL_LOWEST_PRIORITY = 15;
    public static final int TX_NUM_MAX = 64;
    public static final int GUARANTEED_MIN_PAYLOAD = 16384;
    public static final int CORE_MODE_NAME_LEN = 32;
}
