package dev.rewind.plugin.api;

/**
 * One plugin's view of one machine (QEMU's plugin id plus install info). Valid from {@link RewindPlugin#install}
 * until {@link RewindPlugin#uninstall} returns. Registration methods may be called during {@code install} only.
 */
public interface PluginContext {

    /** The negotiated API version. */
    int apiVersion();

    /** Harts of the machine (hart ids are 0 .. harts()-1). */
    int harts();

    /** 32 or 64. */
    int xlen();

    /**
     * True while the machine replays history for time travel (a reverse step, reverse continue, go to time, or
     * running forward in the past up to the frontier); false for live execution. Counting only while false counts
     * every instruction of the timeline once.
     */
    boolean replaying();

    /** Called for every block when it is translated (decoded); register per-execution callbacks on it there. */
    void onTranslate(TranslateCallback cb);

    /** Exceptions and interrupts, when the hart enters the trap handler. */
    void onTrap(TrapCallback cb);

    /** A hart runs: called for every hart right after {@code install} (the machine's harts exist from its start). */
    void onHartStart(HartCallback cb);

    /** A hart stops for good (the guest exited). */
    void onHartStop(HartCallback cb);

    /** Time travel: replay start and end, landing after a reverse operation or a jump in time. */
    void onTimeTravel(TimeTravelCallback cb);

    /**
     * A per-hart counter for inline operations ({@link TranslationBlock#inlineAdd}, {@link Instruction#inlineAdd}):
     * the translator emits the additions as bytecode, no call. Replayed execution is not counted.
     */
    Counter counter(String name);

    /** A line of results or diagnostics: shown to the user and published on the event bus. */
    void report(String line);
}
