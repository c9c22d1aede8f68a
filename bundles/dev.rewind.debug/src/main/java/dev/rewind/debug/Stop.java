package dev.rewind.debug;

/**
 * A stop of the machine: why, which hart caused it, where and when.
 *
 * @param reason       why
 * @param hart         the hart that caused the stop (the stepped hart for steps)
 * @param time         virtual time (instructions retired by all harts) at the stop
 * @param pc           that hart's pc at the stop
 * @param breakpointId the {@link Breakpoint#id()} hit, 0 for none
 * @param watch        the access that hit a watchpoint, or null
 * @param exitCode     the guest's exit code for {@link StopReason#EXIT}
 * @param trapCause    mcause for {@link StopReason#TRAP}
 * @param trapValue    mtval for {@link StopReason#TRAP}
 * @param description  one line for people, e.g. {@code hart 2 hit breakpoint 3 at 0x80000124}
 */
public record Stop(StopReason reason, int hart, long time, long pc, int breakpointId, Watch watch, int exitCode,
        long trapCause, long trapValue, String description) {

    /** A data access that hit a watchpoint. */
    public record Watch(long address, int size, Access access) {
    }

    /** Kinds of data access. */
    public enum Access {
        READ, WRITE, READ_WRITE
    }

    public boolean exited() {
        return reason == StopReason.EXIT;
    }
}
