package dev.rewind.emulator;

/** Why {@link Machine#run} and friends returned. */
public enum StopReason {
    /** The guest asked to exit (test finisher, HTIF); {@link RunResult#exitCode()} holds the code. */
    EXITED,
    /** A hart reached a breakpoint; it has not executed the instruction yet. */
    BREAKPOINT,
    /** An access touched a watchpoint; the accessing instruction has retired. */
    WATCHPOINT,
    /** {@link Machine#run(long)} used its instruction budget. */
    LIMIT_REACHED,
    /** {@link Machine#runUntilTime(long)} reached its time. */
    TIME_REACHED,
    /** {@link Machine#stepHart(int)} completed. */
    STEP_DONE,
    /** {@link Machine#requestStop()} was called. */
    STOP_REQUESTED,
    /** Every hart sleeps in WFI and no device event will ever wake one. */
    DEADLOCK
}
