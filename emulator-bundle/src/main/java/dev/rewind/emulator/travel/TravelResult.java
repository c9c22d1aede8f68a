package dev.rewind.emulator.travel;

import dev.rewind.emulator.RunResult;

/**
 * Where a time-travel (or forward) operation left the machine.
 *
 * @param kind    what happened
 * @param time    virtual time now
 * @param hart    the hart concerned: the stepped hart, the hart that hit the trigger or wrote the address, or -1
 * @param stop    for {@link Kind#BREAKPOINT}, {@link Kind#WATCHPOINT} and forward-run stops: the engine's result
 *                exactly as forward execution reported it at this point (watchpoint address, size, value);
 *                otherwise {@code null}
 * @param message a one-line human-readable summary
 */
public record TravelResult(Kind kind, long time, int hart, RunResult stop, String message) {

    /** Outcome of a time-travel operation. */
    public enum Kind {
        /** The requested time, step or bookmark was reached. */
        ARRIVED,
        /** Stopped at a breakpoint (before the instruction executes, as in forward execution). */
        BREAKPOINT,
        /** Stopped after an access that hit a watchpoint (or, for reverse-to-last-write, after the last write). */
        WATCHPOINT,
        /** Nothing earlier matched (or the hart had retired nothing): stopped at the earliest point of history. */
        HISTORY_START,
        /** A forward run ended because the guest exited. */
        EXITED,
        /** A forward run ended because every hart sleeps and nothing can wake one. */
        DEADLOCK,
        /** A forward run used its instruction budget. */
        LIMIT_REACHED,
        /** A forward run was stopped by {@link TimeMachine#requestStop()}, or a backward search cancelled. */
        STOP_REQUESTED
    }
}
