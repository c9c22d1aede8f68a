package dev.rewind.mcd.api;

/** mcd_error_info_st (return status, error code, OR'ed error events, info string). */
public record ErrorInfo(int returnStatus, int errorCode, int errorEvents, String errorStr) {
    public static final ErrorInfo NONE = new ErrorInfo(0, 0, 0, "");
}
