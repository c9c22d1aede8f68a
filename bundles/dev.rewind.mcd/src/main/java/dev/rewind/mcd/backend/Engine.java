package dev.rewind.mcd.backend;

/**
 * What the MCD back end needs from a machine: the narrow waist between
 * {@code dev.rewind.emulator.Machine} (adapted by {@link MachineEngine}) and the MCD logic.
 * Called only by one thread at a time (the target serialises).
 */
interface Engine {

    /** Why a run returned. */
    enum Kind { EXITED, BREAKPOINT, WATCHPOINT, LIMIT, TIME, STEP, STOP_REQUESTED, DEADLOCK, OTHER }

    /** Outcome of a run: for WATCHPOINT also the access (address, size, value, kind 1 read / 2 write). */
    record Stop(Kind kind, int hart, long address, int size, long value, int accessKind, int exitCode,
            String message) {
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

    Stop runUntilTime(long time);

    Stop stepHart(int hart);

    /** Thread-safe. */
    void requestStop();

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

    void breakpoint(long pc, boolean on);

    void watchpoint(long addr, long len, int kind, boolean on);

    Object snapshot();

    void restore(Object snapshot);

    /** Reset the whole machine to its state right after loading. */
    void resetSystem();

    /** Reset one hart (pc = entry, registers as at load). */
    void resetHart(int hart);

    /** Per-block trace hook, or null to remove: gets hart, pc, instruction bits and lengths. */
    void traceHook(TraceHook hook);

    /** Receives executed blocks for the instruction trace. */
    @FunctionalInterface
    interface TraceHook {
        void block(int hart, long[] pcs, int[] bits, int[] lengths, long retiredAtEntry);
    }
}
