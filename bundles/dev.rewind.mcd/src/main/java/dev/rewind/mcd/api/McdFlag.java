package dev.rewind.mcd.api;

/**
 * One bit of an MCD bitmask type (mem type, trigger type/option/action, tx options, core
 * events, channel attributes, trace modes and markers). Records keep the raw {@code int}
 * mask so that unknown and custom bits survive a round trip; these helpers build and test it.
 */
public interface McdFlag {
    int bit();

    static int mask(McdFlag... flags) {
        int m = 0;
        for (McdFlag f : flags) {
            m |= f.bit();
        }
        return m;
    }

    static boolean has(int mask, McdFlag flag) {
        return (mask & flag.bit()) == flag.bit() && flag.bit() != 0;
    }
}
