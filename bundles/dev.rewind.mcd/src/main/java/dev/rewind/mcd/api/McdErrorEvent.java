package dev.rewind.mcd.api;

/** mcd_error_event_et bits. */
public final class McdErrorEvent {
    private McdErrorEvent() {
    }

    public static final int NONE = 0;
    public static final int RESET = 0x1;
    public static final int PWRDN = 0x2;
    public static final int HWFAILURE = 0x4;
}
