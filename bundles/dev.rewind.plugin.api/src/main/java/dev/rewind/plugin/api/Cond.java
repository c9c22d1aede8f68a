package dev.rewind.plugin.api;

/**
 * The comparison of a conditional callback (QEMU's {@code enum qemu_plugin_cond}): the callback runs when
 * {@code counter cell OP value} holds, the two compared as unsigned 64-bit numbers.
 */
public enum Cond {
    ALWAYS, NEVER, EQ, NE, LT, LE, GT, GE;

    /** Whether {@code cell OP value} holds (unsigned). */
    public boolean test(long cell, long value) {
        int c = Long.compareUnsigned(cell, value);
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }
}
