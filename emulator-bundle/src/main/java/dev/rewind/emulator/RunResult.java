package dev.rewind.emulator;

/**
 * The outcome of a run.
 *
 * @param reason      why the run stopped
 * @param hart        the hart concerned (breakpoint, watchpoint, step, the hart that was running), or -1
 * @param address     breakpoint pc, or the accessed address of a watchpoint hit, else the hart's pc
 * @param exitCode    the guest's exit code for {@link StopReason#EXITED}
 * @param message     a human-readable summary (null for breakpoint and watchpoint stops: {@link #message()} writes
 *                    theirs when asked, since a reverse search can meet millions of hits and reads none)
 * @param time        virtual time at the stop
 * @param accessSize  watchpoint hit: access size in bytes (else 0)
 * @param accessValue watchpoint hit: the value loaded or stored
 * @param accessWrite watchpoint hit: whether it was a store
 */
public record RunResult(StopReason reason, int hart, long address, int exitCode, String message, long time,
        int accessSize, long accessValue, boolean accessWrite) {

    /** The human-readable summary of the stop. */
    @Override
    public String message() {
        if (message != null) {
            return message;
        }
        return switch (reason) {
            case BREAKPOINT -> String.format("hart %d at breakpoint 0x%x", hart, address);
            case WATCHPOINT -> String.format("hart %d %s %d bytes at 0x%x (value 0x%x)", hart,
                    accessWrite ? "wrote" : "read", accessSize, address, accessValue);
            default -> reason.name();
        };
    }

    static RunResult of(StopReason reason, int hart, long address, int exitCode, String message, long time) {
        return new RunResult(reason, hart, address, exitCode, message, time, 0, 0, false);
    }
}
