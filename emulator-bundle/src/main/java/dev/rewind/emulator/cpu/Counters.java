package dev.rewind.emulator.cpu;

/**
 * mcycle and minstret with mcountinhibit: CY (bit 0) and IR (bit 2) stop their counter at its current value and
 * let it continue from there when cleared; TM and the HPM bits are read-only zero (no counters to stop). While
 * running, a counter is derived from the hart's retirement count plus a delta; while stopped it is a plain value.
 * {@code retiredNow} is the count of instructions this hart retired before the current one.
 */
final class Counters {
    static final long CY = 1, IR = 4;

    private Counters() {
    }

    static long cycle(Hart h, long retiredNow) {
        return (h.mcountinhibit & CY) != 0 ? h.frozenCycles : h.cycles + (retiredNow - h.retired) + h.cycleDelta;
    }

    static long instret(Hart h, long retiredNow) {
        return (h.mcountinhibit & IR) != 0 ? h.frozenInstret : retiredNow + h.instretDelta;
    }

    static void setCycle(Hart h, long retiredNow, long value) {
        if ((h.mcountinhibit & CY) != 0) {
            h.frozenCycles = value;
        } else {
            h.cycleDelta = value - (h.cycles + (retiredNow - h.retired));
        }
    }

    /** The instruction writing minstret does not count itself: the next one reads {@code value}. */
    static void setInstret(Hart h, long retiredNow, long value) {
        if ((h.mcountinhibit & IR) != 0) {
            h.frozenInstret = value;
        } else {
            h.instretDelta = value - retiredNow - 1;
        }
    }

    /** Stops or restarts the counters whose bit changes; the others go on untouched. */
    static void setInhibit(Hart h, long retiredNow, long v) {
        long cycle = cycle(h, retiredNow);
        long instret = instret(h, retiredNow);
        long changed = (h.mcountinhibit ^ v) & (CY | IR);
        h.mcountinhibit = v & (CY | IR);
        if ((changed & CY) != 0) {
            h.frozenCycles = cycle;
            setCycle(h, retiredNow, cycle);
        }
        if ((changed & IR) != 0) {
            h.frozenInstret = instret;
            setInstret(h, retiredNow, instret);
        }
    }
}
