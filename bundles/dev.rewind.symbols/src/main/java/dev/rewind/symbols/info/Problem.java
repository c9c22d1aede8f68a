package dev.rewind.symbols.info;

/** Something in the debug information that could not be read; the unit at {@code unitOffset} is affected. */
public record Problem(long unitOffset, String message) {
    @Override
    public String toString() {
        return "unit at .debug_info+0x" + Long.toHexString(unitOffset) + ": " + message;
    }
}
