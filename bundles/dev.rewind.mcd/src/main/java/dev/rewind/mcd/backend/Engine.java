package dev.rewind.mcd.backend;

import java.util.List;

/**
 * What the MCD back end needs from a machine: the narrow waist between the engine's
 * {@code dev.rewind.emulator.travel.TimeMachine} (adapted by {@link MachineEngine}) and the MCD
 * logic. Called only by one thread at a time (the target serialises), except {@link #requestStop}.
 * Every state change (register, memory, input, reset) goes through here, so that history knows
 * about it (a change in the past starts a new future).
 */
interface Engine {

    /** Why an operation returned. */
    enum Kind { EXITED, BREAKPOINT, WATCHPOINT, LIMIT, TIME, STEP, STOP_REQUESTED, DEADLOCK, HISTORY_START, OTHER }

    /** Outcome of a run: for WATCHPOINT also the access (address, size, value, kind 1 read / 2 write). */
    record Stop(Kind kind, int hart, long address, int size, long value, int accessKind, int exitCode,
            String message) {
    }

    /** A named point in time. */
    record Mark(String name, long time) {
    }

    int xlen();

    int harts();

    long ramBase();

    long ramSize();

    long time();

    long retired(int hart);

    /** Whether the hart sleeps in {@code wfi}. */
    boolean sleeping(int hart);

    Stop run(long maxInstructions);

    /** Runs forward to {@code time}, stopping early at breakpoints, watchpoints, exit. */
    Stop runUntilTime(long time);

    Stop stepHart(int hart);

    /**
     * Holds harts (bit i = hart i; 0 none): the next runs and steps leave them stopped. Logged in history as an input
     * when it differs from the set in effect (in the past that starts a new future).
     */
    void hold(long mask);

    /** The held harts now (as last set, or as history had them at this time). */
    long held();

    /** Thread-safe. */
    void requestStop();

    /** Drops a stop request that no run consumed (the machine was not running when it came). */
    void clearStopRequest();

    long reg(int hart, int r);

    void setReg(int hart, int r, long v);

    long pc(int hart);

    void setPc(int hart, long v);

    /** @throws IllegalArgumentException if the CSR does not exist */
    long csr(int hart, int number);

    void setCsr(int hart, int number, long value);

    /** @throws RuntimeException with a message if the range is not accessible */
    void readMemory(long addr, byte[] dst, int off, int len);

    void writeMemory(long addr, byte[] src, int off, int len);

    /** Console input arriving now (logged with its virtual time so replays see it). */
    void sendInput(byte[] data);

    void breakpoint(long pc, boolean on);

    void watchpoint(long addr, long len, int kind, boolean on);

    /** Reset the whole machine to its state right after loading (a new future from there). */
    void resetSystem();

    /** Reset one hart (pc = entry, registers as at load) at the current time. */
    void resetHart(int hart);

    /**
     * Per-block trace hook, or null to remove. It sees every block executed, live or while history is replayed
     * (also the replays inside a reverse operation, which may jump between times: see {@link TraceRing}).
     */
    void traceHook(TraceHook hook);

    /** Receives executed blocks for the instruction trace. */
    @FunctionalInterface
    interface TraceHook {
        void block(int hart, long[] pcs, int[] bits, int[] lengths, long retiredAtEntry);
    }

    /** The machine's plugin host (plugins observe the machine; see {@link InstrumentationImpl}). */
    dev.rewind.emulator.plugin.PluginHost plugins();

    // --- time travel (the engine's TimeMachine)

    /** Whether history is kept. */
    boolean travels();

    long earliestTime();

    /** The newest time history holds (beyond it execution is live); {@link #time()} without history. */
    long newestTime();

    /** What history holds now (null when none is kept). */
    dev.rewind.emulator.travel.HistoryStats historyStats();

    /** Go to a time, backwards or forwards, not stopping at triggers. */
    Stop goToTime(long time);

    /** Step {@code hart} back over {@code n} retired instructions (STEP, or HISTORY_START). */
    Stop reverseStep(int hart, long n);

    /**
     * Back to the latest earlier breakpoint or watchpoint stop of {@code hart} (-1 any) that {@code stopsHere}
     * accepts, in one backward search (or HISTORY_START). The predicate must not change the machine.
     */
    Stop reverseContinue(int hart, java.util.function.Predicate<Stop> stopsHere);

    /** Ends a backward search in progress soon (it returns STOP_REQUESTED where it started); any thread. */
    void cancelSearch();

    /** Back to just after the last store into the range (WATCHPOINT, or HISTORY_START). */
    Stop reverseToLastWrite(long addr, long len);

    Mark addBookmark(String name);

    Stop goToBookmark(String name);

    void deleteBookmark(String name);

    List<Mark> bookmarks();

    // --- recordings (dev.rewind.emulator.travel.Recording)

    /**
     * The session as a recording: program, configuration, input log, debugger writes of the current timeline,
     * bookmarks, end = the newest time reached and the state hash there. The machine is back at its current time
     * afterwards.
     *
     * @throws IllegalStateException if the history holds a change made outside the engine's write operations
     */
    dev.rewind.emulator.travel.Recording toRecording();

    /** The recording this session was opened from, or null. */
    dev.rewind.emulator.travel.Recording openedFrom();

    /** {@code Machine.stateHash()} now. */
    long stateHash();
}
