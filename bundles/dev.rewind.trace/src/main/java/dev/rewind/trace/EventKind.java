package dev.rewind.trace;

/**
 * Kinds of trace events, with the meaning of their two value columns {@code a} and {@code b}. The numeric
 * {@link #code()} is what {@link TraceBatch#kinds()} carries.
 */
public enum EventKind {
    /** A block started: a = pc, b = instructions in the block. */
    BLOCK,
    /** A function was entered: a = its address (named in {@link Trace#functions()}), b = 0. */
    ENTRY,
    /** A function returned: a = pc of the return instruction, b = 0. */
    RETURN,
    /** An exception: a = epc, b = cause. */
    EXCEPTION,
    /** An interrupt: a = epc (the interrupted pc), b = cause. */
    INTERRUPT,
    /** A load matching the filters: a = address, b = value; the size is in {@link #size(int)} of the code. */
    LOAD,
    /** A store matching the filters: a = address, b = value. */
    STORE,
    /** A byte written to the UART: a = the byte, b = 0. */
    UART,
    /** The hart stopped for good (the guest exited): a = 0, b = 0. */
    EXIT;

    private static final EventKind[] ALL = values();

    /** The code of this kind with an access size (LOAD, STORE) in bits 8..15. */
    public int code(int size) {
        return ordinal() | size << 8;
    }

    public int code() {
        return ordinal();
    }

    public static EventKind of(int code) {
        return ALL[code & 0xFF];
    }

    public static int size(int code) {
        return code >>> 8;
    }
}
