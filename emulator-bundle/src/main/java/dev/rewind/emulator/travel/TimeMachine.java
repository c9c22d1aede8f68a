package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.RunResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Machine} with a history: it runs forward like the machine, and it can go back. Snapshots of the whole
 * machine are taken every {@link #snapshotInterval()} instructions while the machine runs live (the configured
 * interval, stretched up to {@link TravelConfig#maxInterval()} for guests that dirty many pages),
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
 * {@link #writeMemory}, {@link #setRegister}, {@link #setPc}, {@link #writeCsr}, {@link #apply} (these are logged in
 * {@link #writes()} for recordings) or, after modifying the machine directly, {@link #stateChanged()}. The answer
 * tells the caller whether a future was discarded. Breakpoints and
 * watchpoints are not state: add and remove them on {@link #machine()} freely.
 *
 * <p><b>Resuming at a breakpoint.</b> A landing that names a hart, a reverse step (the stepped hart) or a
 * reverse continue that ends at a breakpoint hit (the hart that hit it), leaves that hart as a forward breakpoint
 * stop would: if its pc holds a breakpoint, the next forward execution ({@link #run}, {@link #runUntilTime},
 * {@link #stepHart}, {@link #goToTime} forwards) executes that instruction once without reporting it, and reports
 * the next hit. Other harts, and landings of {@link #goToTime}, bookmarks and watchpoint stops, report a
 * breakpoint at their pc as a forward run from that state would. Execution and state hashes are the same
 * either way; only which stops are reported differs.
 *
 * <p>Not thread-safe except {@link #requestStop()}: drive it from one thread.
 */
public final class TimeMachine {

    private final Machine m;
    private final TravelConfig config;
    private final InputLog input;
    private final History history;
    private final Bookmarks marks;
    private final Frontier frontier;
    private final Navigator nav;
    private final Replayer replayer;
    private final StateChanges changes;

    /**
     * Wraps {@code machine} (loaded, at any time); history starts at its current state. Console output of a
     * machine built this way is not gated during replay; use {@link #create} for that.
     */
    public TimeMachine(Machine machine, TravelConfig config) {
        this(machine, config, null, new Replayer.Gate());
    }

    private TimeMachine(Machine machine, TravelConfig config, InputLog input, Replayer.Gate gate) {
        this.m = Objects.requireNonNull(machine, "machine");
        this.config = Objects.requireNonNull(config, "config").fittingHeap(Runtime.getRuntime().maxMemory());
        this.input = input;
        this.history = new History(config, (int) (machine.config().ramSize() >>> 12), machine.hartCount());
        this.marks = new Bookmarks(history);
        this.frontier = new Frontier(machine, history, gate, config);
        this.replayer = new Replayer(machine, history, gate, frontier::newest, this.config);
        this.nav = new Navigator(machine, history, this.replayer, frontier, gate);
        this.changes = new StateChanges(machine, history, frontier, marks, input);
        history.add(machine.snapshot(), true, machine.time());
        machine.plugins().replaySource(() -> !gate.open);
    }

    /** Tells the machine's plugins where a reverse operation or a jump in time arrived. */
    private TravelResult landed(TravelResult r) {
        if (m.plugins().active()) {
            m.plugins().landed(m.time());
        }
        return r;
    }

    /**
     * Builds a machine for {@code image} whose console output is emitted only when live (not while replaying
     * history) and whose input is {@code input} (a fresh empty log if {@code null}), loads the image and wraps it.
     */
    public static TimeMachine create(MachineConfig machineConfig, ElfImage image, ConsoleSink console,
            InputLog input, TravelConfig config) {
        Replayer.Gate gate = new Replayer.Gate();
        InputLog log = input == null ? new InputLog() : input;
        Machine machine = new Machine(machineConfig, b -> {
            if (gate.open) {
                console.write(b);
            }
        }, log);
        machine.load(image);
        return new TimeMachine(machine, config, log, gate);
    }

    /** The input log the machine reads (empty optional for a machine wrapped with the constructor). */
    public Optional<InputLog> input() {
        return Optional.ofNullable(input);
    }

    /** The machine. Run it only through this time machine; read its state and set triggers freely. */
    public Machine machine() {
        return m;
    }

    /** The configuration in effect: as given, with the budget cut to half the JVM's maximum heap if larger. */
    public TravelConfig config() {
        return config;
    }

    /**
     * The automatic snapshot interval in effect now (between {@link TravelConfig#snapshotInterval()} and
     * {@link TravelConfig#maxInterval()}, following the guest's dirty-page rate; see {@link SnapshotSchedule}).
     */
    public long snapshotInterval() {
        return frontier.schedule().interval();
    }

    // ---- time ----

    /** Global virtual time now. */
    public long time() {
        return m.time();
    }

    /** Instructions retired by {@code hart} now. */
    public long retired(int hart) {
        return m.retired(hart);
    }

    /** Earliest reachable virtual time (the oldest snapshot). */
    public long earliestTime() {
        return nav.earliestTime();
    }

    /** The frontier: the newest point of history. Beyond it, execution is live. */
    public long newestTime() {
        return frontier.newest();
    }

    /** Whether the machine is behind the frontier (running forward replays history). */
    public boolean inPast() {
        return m.time() < frontier.newest();
    }

    // ---- forward ----

    /** Runs forward {@code maxInstructions} slots of virtual time or until a breakpoint, watchpoint or exit. */
    public TravelResult run(long maxInstructions) {
        return nav.run(maxInstructions);
    }

    /**
     * Runs forward until virtual time {@code t}, stopping early at breakpoints, watchpoints or exit (like
     * {@link Machine#runUntilTime}); a time not after now returns at once.
     */
    public TravelResult runUntilTime(long t) {
        return frontier.run(Math.max(t, m.time()), false);
    }

    /**
     * Runs the whole machine forward until {@code hart} retires one more instruction (or another stop). A step
     * that starts in the past replays up to the frontier (console output gated) and runs live from there (console
     * output emitted).
     */
    public TravelResult stepHart(int hart) {
        return frontier.stepHart(hart);
    }

    /**
     * Goes to virtual time {@code t}, backwards or forwards, without stopping at breakpoints or watchpoints (it
     * stops only where the guest exits or deadlocks). Within history it restores the nearest earlier snapshot
     * and replays; beyond the frontier it runs live.
     *
     * @throws IllegalArgumentException if {@code t} is before {@link #earliestTime()}
     */
    public TravelResult goToTime(long t) {
        return landed(nav.goToTime(t));
    }

    /**
     * Ends a backward search in progress (reverse continue, reverse to last write) soon, leaving the machine where
     * the search started, with {@link TravelResult.Kind#STOP_REQUESTED}; callable from any thread.
     */
    public void cancelSearch() {
        replayer.cancel();
    }

    /** Asks a forward run to stop soon; callable from any thread. */
    public void requestStop() {
        m.requestStop();
    }

    // ---- reverse ----

    /**
     * Steps {@code hart} back over its last retired instruction: the machine lands at the last time at which the
     * hart had retired one instruction fewer and was about to retire it, every other hart in the state it had
     * then. {@link TravelResult.Kind#HISTORY_START} if the hart has retired nothing since the earliest point.
     */
    public TravelResult reverseStep(int hart) {
        return reverseStep(hart, 1);
    }

    /** {@link #reverseStep(int)} {@code n} times over (in one replay). */
    public TravelResult reverseStep(int hart, long n) {
        return landed(nav.reverseStep(hart, n));
    }

    /**
     * Runs backwards to the most recent point before now where forward execution stopped (or would have) at a
     * breakpoint or watchpoint of the machine, on any hart; the machine is left exactly as that forward stop left
     * it. {@link TravelResult.Kind#HISTORY_START} (at the earliest time) if there is none.
     */
    public TravelResult reverseContinue() {
        return landed(nav.reverseSearch(r -> true, "no breakpoint or watchpoint hit earlier in history"));
    }

    /** {@link #reverseContinue()} counting only stops of hart {@code hart}. */
    public TravelResult reverseContinue(int hart) {
        m.retired(hart);
        return landed(nav.reverseSearch(r -> r.hart() == hart, "no breakpoint or watchpoint hit of hart " + hart
                + " earlier in history"));
    }

    /**
     * {@link #reverseContinue()} counting only the stops {@code stopsHere} accepts (it sees each breakpoint or
     * watchpoint stop as forward execution reported it, machine state undefined; it must not change the
     * machine), all in one backward search: e.g. only the triggers of one debugger's core.
     */
    public TravelResult reverseContinue(java.util.function.Predicate<RunResult> stopsHere) {
        Objects.requireNonNull(stopsHere, "stopsHere");
        return landed(nav.reverseSearch(stopsHere, "no accepted breakpoint or watchpoint hit earlier in history"));
    }

    /**
     * "Who wrote this?": goes back to just after the last guest store (any hart) that wrote any byte of
     * {@code [addr, addr+len)} and retired before now (a write in the slot just before now included only when it
     * is not the stop the machine is at). The result is a {@link TravelResult.Kind#WATCHPOINT} whose {@code stop}
     * carries the writing hart, address, size and value; {@link TravelResult.Kind#HISTORY_START} if no such write
     * happened since the earliest point.
     *
     * @throws IllegalArgumentException if the range is not in RAM
     */
    public TravelResult reverseToLastWrite(long addr, long len) {
        return landed(nav.reverseToLastWrite(addr, len));
    }

    // ---- bookmarks ----

    /**
     * Names the current time (pinning a snapshot there so going to it is cheap). Replaces a bookmark of the
     * same name.
     */
    public Bookmark addBookmark(String name, String description) {
        Bookmark b = new Bookmark(name, description == null ? "" : description, m.time());
        return marks.add(b, frontier.pointHere(), m.time());
    }

    /**
     * Adds a bookmark at an arbitrary reachable time (e.g. loaded from a recording); no snapshot is pinned.
     * Replaces a bookmark of the same name.
     */
    public Bookmark addBookmarkAt(String name, String description, long time) {
        Bookmark b = new Bookmark(name, description == null ? "" : description, time);
        if (time < earliestTime()) {
            throw new IllegalArgumentException("time " + time + " is before the earliest point of history");
        }
        return marks.add(b, null, m.time());
    }

    /** Bookmarks ordered by time, then name. */
    public List<Bookmark> bookmarks() {
        return marks.list();
    }

    public Optional<Bookmark> bookmark(String name) {
        return marks.get(name);
    }

    /** @throws IllegalArgumentException if there is no bookmark {@code from} or {@code to} is taken */
    public Bookmark renameBookmark(String from, String to) {
        return marks.rename(from, to);
    }

    /** @throws IllegalArgumentException if there is no such bookmark */
    public Bookmark describeBookmark(String name, String description) {
        return marks.describe(name, description);
    }

    /** @throws IllegalArgumentException if there is no such bookmark */
    public void deleteBookmark(String name) {
        marks.existing(name);
        marks.delete(name, m.time());
    }

    /** @throws IllegalArgumentException if there is no such bookmark */
    public TravelResult goToBookmark(String name) {
        Bookmark b = marks.existing(name);
        TravelResult r = goToTime(b.time());
        return new TravelResult(r.kind(), r.time(), r.hart(), r.stop(), "at bookmark " + name + " (time " + r.time()
                + ")");
    }

    // ---- explicit snapshots ----

    /** Takes (or reuses) a snapshot now that thinning never removes; returns its time. */
    public long pinSnapshot() {
        return marks.pin(frontier.pointHere());
    }

    /** Lets thinning remove the explicit snapshot at {@code time}; false if there was none. */
    public boolean unpinSnapshot(long time) {
        return marks.unpin(time, m.time());
    }

    // ---- changing state ----

    /** Writes guest memory (debugger write); a new future if in the past. */
    public FutureChange writeMemory(long addr, byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        return apply(DebuggerWrite.memory(addr, java.util.Arrays.copyOfRange(src, off, off + len)));
    }

    public FutureChange setRegister(int hart, int reg, long value) {
        return apply(DebuggerWrite.register(hart, reg, value));
    }

    public FutureChange setPc(int hart, long pc) {
        return apply(DebuggerWrite.pc(hart, pc));
    }

    public FutureChange writeCsr(int hart, int csr, long value) {
        return apply(DebuggerWrite.csr(hart, csr, value));
    }

    /**
     * Makes a debugger write now and logs it in {@link #writes()} (so recordings can replay it); a new future if
     * in the past.
     *
     * @throws IllegalArgumentException if the machine refuses the write (history is then unchanged)
     */
    public FutureChange apply(DebuggerWrite w) {
        return changes.apply(w);
    }

    /**
     * Holds harts from now on ({@link Machine#setHeld}; bit i = hart i, 0 releases all): the next runs and steps
     * leave them stopped (DAP {@code singleThread}, gdb scheduler-locking, MCD {@code global=false}). A change of
     * the held set is an input like a debugger write: logged in {@link #writes()} with its time (a recording replays
     * it exactly there), snapshotted as a barrier (replays in this history see it), and made in the past it starts
     * a new future. Holding the set already held changes nothing. Reverse execution follows history as recorded
     * (held harts included) and lands in the state forward execution had there, the held set of that time included.
     *
     * @throws IllegalArgumentException if the mask names a hart the machine does not have
     */
    public FutureChange hold(long mask) {
        if (mask == m.held()) {
            return new FutureChange(false, m.time(), frontier.newest(), List.of());
        }
        return apply(DebuggerWrite.hold(mask));
    }

    /** The held harts now (bit i = hart i): as last set, or as history had them at this time. */
    public long held() {
        return m.held();
    }

    /** The debugger writes of the current timeline (what a {@link Recording} must replay besides input). */
    public WriteLog writes() {
        return changes.writes();
    }

    /**
     * Console input arriving now (live input); recorded in the {@link InputLog} so replays see it. A new future
     * if in the past (recorded input after now is dropped with the rest of that future).
     *
     * @throws IllegalStateException if this time machine has no input log (see {@link #create})
     */
    public FutureChange sendInput(byte[] data) {
        return changes.sendInput(data);
    }

    /**
     * Forgets history after now without changing state: later snapshots, bookmarks, input and debugger writes
     * (e.g. a system reset after going back to the start).
     */
    public FutureChange discardFuture() {
        return changes.discardFuture();
    }

    /**
     * Tells history that the caller modified machine state directly (memory, registers, CSRs) at the current
     * time: later snapshots, bookmarks and input are discarded if in the past, and the present is snapshotted (a
     * barrier replays never cross) so that replays include the change. Bookmarks at exactly now are kept. The
     * change is logged without content, so the timeline cannot be saved as a {@link Recording} (prefer
     * {@link #apply}).
     */
    public FutureChange stateChanged() {
        return changes.stateChanged();
    }

    // ---- accounting ----

    public HistoryStats stats() {
        return history.stats(frontier.newest());
    }
}
