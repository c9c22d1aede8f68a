package dev.rewind.mcd.api;

import java.util.Objects;

/**
 * A failed MCD call: the Java form of a non-NONE {@code mcd_return_et} plus the
 * {@code mcd_error_info_st} that {@code mcd_qry_error_info_f} would return for it.
 */
public class McdException extends Exception {
    private static final long serialVersionUID = 1L;

    private final McdReturn returnStatus;
    private final McdErrorCode errorCode;
    private final int errorEvents;

    public McdException(McdReturn returnStatus, McdErrorCode errorCode, int errorEvents, String info) {
        this(returnStatus, errorCode, errorEvents, info, null);
    }

    /** As {@link #McdException(McdReturn, McdErrorCode, int, String)}, caused by {@code cause} (may be null). */
    public McdException(McdReturn returnStatus, McdErrorCode errorCode, int errorEvents, String info,
            Throwable cause) {
        super(Objects.requireNonNull(info, "info"), cause);
        this.returnStatus = Objects.requireNonNull(returnStatus, "returnStatus");
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.errorEvents = errorEvents;
    }

    /** The common case: HANDLE_ERROR with a code and a message. */
    public McdException(McdErrorCode errorCode, String info) {
        this(McdReturn.HANDLE_ERROR, errorCode, McdErrorEvent.NONE, info);
    }

    /** HANDLE_ERROR with a code and a message, caused by {@code cause}. */
    public McdException(McdErrorCode errorCode, String info, Throwable cause) {
        this(McdReturn.HANDLE_ERROR, errorCode, McdErrorEvent.NONE, info, cause);
    }

    public static McdException param(String info) {
        return new McdException(McdErrorCode.PARAM, info);
    }

    public static McdException unimplemented(String function) {
        return new McdException(McdErrorCode.FN_UNIMPLEMENTED, function + " is not implemented");
    }

    public McdReturn returnStatus() {
        return returnStatus;
    }

    public McdErrorCode errorCode() {
        return errorCode;
    }

    /** OR'ed {@link McdErrorEvent} bits. */
    public int errorEvents() {
        return errorEvents;
    }

    /** The info string (error_str). */
    public String info() {
        return getMessage();
    }

    public ErrorInfo toErrorInfo() {
        return new ErrorInfo(returnStatus.value(), errorCode.code(), errorEvents, info());
    }
}
