package dev.rewind.mcd.api;

/** mcd_return_et: the action a caller has to take after a call. */
public enum McdReturn {
    NONE(0), AGAIN(1), HANDLE_EVENT(2), HANDLE_ERROR(3);

    private final int value;

    McdReturn(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
