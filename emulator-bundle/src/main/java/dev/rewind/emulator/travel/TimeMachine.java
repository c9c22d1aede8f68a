package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Machine} with a history: it runs forward like the machine, and it can go back. Snapshots of the whole
 * machine are taken every {@link TravelConfig#snapshotInterval()} instructions while the machine runs live,
 * thinned as they age to stay within {@link TravelConfig#memoryBudget()}; bookmarks and explicit snapshots pin
 * theirs. Every reverse operation restores the nearest earlier snapshot and replays deterministically, so it costs
 * at most about one snapshot interval of replay (for recent history), however long the program has run.
 *
 * <p><b>Time.</b> {@link #time()} is the machine's global virtual time; {@link #retired(int)} a hart's
 * retired-instruction count. {@link #newestTime()} is the frontier: the latest time ever reached. While
 * {@link #inPast()}, running forward replays history (console output already seen is not emitted again) until
 * the frontier, then runs live.
 *
 * <p><b>Changing the past.</b> Writing memory, a register or a CSR while in the past starts a new future: use
 * {@link #writeMemory}, {@link #setRegister}, {@link #setPc}, {@link #writeCsr} or, after modifying the machine
 * directly, {@link #stateChanged()}. The answer tells the caller whether a future was discarded. Breakpoints and
 * watchpoints are not state: add and remove them on {@link #machine()} freely.
 *
 * <p>Not thread-safe except {@link #requestStop()}: drive it from one thread.
 */
public final class TimeMachine {

    /**
     * Wraps {@code machine} (loaded, at any time); history starts at its current state. Console output of a
     * machine built this way is not gated during replay; use {@link #create} for that.
     */
    public TimeMachine(Machine machine, TravelConfig config) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Builds a machine for {@code image} whose console output is emitted only when live (not while replaying
     * history) and whose input is {@code input} (a fresh empty log if {@code null}), loads the image and wraps it.
     */
    public static TimeMachine create(MachineConfig machineConfig, ElfImage image, ConsoleSink console,
            InputLog input, TravelConfig config) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The input log the machine reads (empty optional for a machine wrapped with the constructor). */
    public Optional<InputLog> input() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The machine. Run it only through this time machine; read its state and set triggers freely. */
    public Machine machine() {
        throw new UnsupportedOperationException("not yet");
    }

    public TravelConfig config() {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- time ----

    /** Global virtual time now. */
    public long time() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Instructions retired by {@code hart} now. */
    public long retired(int hart) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Earliest reachable virtual time (the oldest snapshot). */
    public long earliestTime() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The frontier: the newest point of history. Beyond it, execution is live. */
    public long newestTime() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether the machine is behind the frontier (running forward replays history). */
    public boolean inPast() {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- forward ----

    /** Runs forward {@code maxInstructions} slots of virtual time or until a breakpoint, watchpoint or exit. */
    public TravelResult run(long maxInstructions) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Runs the whole machine forward until {@code hart} retires one more instruction (or another stop). */
    public TravelResult stepHart(int hart) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Goes to virtual time {@code t}, backwards or forwards. Going back never stops early; going forward stops at
     * breakpoints and watchpoints like {@link #run}. A time before {@link #earliestTime()} is refused.
     *
     * @throws IllegalArgumentException if {@code t} is before the earliest reachable time
     */
    public TravelResult runToTime(long t) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Asks a forward run to stop soon; callable from any thread. */
    public void requestStop() {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- reverse ----

    /**
     * Steps {@code hart} back over its last retired instruction: the machine lands at the last time at which the
     * hart had retired one instruction fewer and was about to retire it, every other hart in the state it had
     * then. {@link TravelResult.Kind#HISTORY_START} if the hart has retired nothing since the earliest point.
     */
    public TravelResult reverseStep(int hart) {
        throw new UnsupportedOperationException("not yet");
    }

    /** {@link #reverseStep(int)} {@code n} times over (in one replay). */
    public TravelResult reverseStep(int hart, long n) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Runs backwards to the most recent point before now where forward execution stopped (or would have) at a
     * breakpoint or watchpoint of the machine, on any hart; the machine is left exactly as that forward stop left
     * it. {@link TravelResult.Kind#HISTORY_START} (at the earliest time) if there is none.
     */
    public TravelResult reverseContinue() {
        throw new UnsupportedOperationException("not yet");
    }

    /** {@link #reverseContinue()} counting only stops of hart {@code hart}. */
    public TravelResult reverseContinue(int hart) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * "Who wrote this?": goes back to just after the last guest store (any hart) that wrote any byte of
     * {@code [addr, addr+len)} and retired before now. The result is a {@link TravelResult.Kind#WATCHPOINT} whose
     * {@code stop} carries the writing hart, address, size and value; {@link TravelResult.Kind#HISTORY_START} if
     * no such write happened since the earliest point.
     */
    public TravelResult reverseToLastWrite(long addr, long len) {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- bookmarks ----

    /**
     * Names the current time (pinning a snapshot there so going to it is cheap). Replaces a bookmark of the
     * same name.
     */
    public Bookmark addBookmark(String name, String description) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Adds a bookmark at an arbitrary reachable time (e.g. loaded from a recording); no snapshot is pinned. */
    public Bookmark addBookmarkAt(String name, String description, long time) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Bookmarks ordered by time, then name. */
    public List<Bookmark> bookmarks() {
        throw new UnsupportedOperationException("not yet");
    }

    public Optional<Bookmark> bookmark(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /** @throws IllegalArgumentException if there is no bookmark {@code from} or {@code to} is taken */
    public Bookmark renameBookmark(String from, String to) {
        throw new UnsupportedOperationException("not yet");
    }

    /** @throws IllegalArgumentException if there is no such bookmark */
    public Bookmark describeBookmark(String name, String description) {
        throw new UnsupportedOperationException("not yet");
    }

    /** @throws IllegalArgumentException if there is no such bookmark */
    public void deleteBookmark(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /** @throws IllegalArgumentException if there is no such bookmark */
    public TravelResult goToBookmark(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- explicit snapshots ----

    /** Takes a snapshot now that thinning never removes; returns its time. */
    public long pinSnapshot() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Lets thinning remove the explicit snapshot at {@code time}; false if there was none. */
    public boolean unpinSnapshot(long time) {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- changing state ----

    /** Writes guest memory (debugger write); a new future if in the past. */
    public FutureChange writeMemory(long addr, byte[] src, int off, int len) {
        throw new UnsupportedOperationException("not yet");
    }

    public FutureChange setRegister(int hart, int reg, long value) {
        throw new UnsupportedOperationException("not yet");
    }

    public FutureChange setPc(int hart, long pc) {
        throw new UnsupportedOperationException("not yet");
    }

    public FutureChange writeCsr(int hart, int csr, long value) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Console input arriving now (live input); recorded in the {@link InputLog} so replays see it. A new future
     * if in the past.
     *
     * @throws IllegalStateException if this time machine has no input log (see {@link #create})
     */
    public FutureChange sendInput(byte[] data) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Tells history that the caller modified machine state directly (memory, registers, CSRs) at the current
     * time: later snapshots, bookmarks and input are discarded if in the past, and the present is snapshotted so
     * that replays include the change.
     */
    public FutureChange stateChanged() {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- accounting ----

    public HistoryStats stats() {
        throw new UnsupportedOperationException("not yet");
    }
}
