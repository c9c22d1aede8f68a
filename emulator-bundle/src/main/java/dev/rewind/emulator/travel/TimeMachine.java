package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.RunResult;
import java.util.Objects;

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
 *
 * <p>This file holds running forward and backward; history, bookmarks and accounting are in
 * {@code TravelHistory}, state changes in {@code TravelWrites} (package-private superclasses).
 */
public final class TimeMachine extends TravelWrites {

    /**
     * Wraps {@code machine} (loaded, at any time); history starts at its current state. Console output of a
     * machine built this way is not gated during replay; use {@link #create} for that.
     */
    public TimeMachine(Machine machine, TravelConfig config) {
        this(machine, config, null, new Replayer.Gate());
    }

    private TimeMachine(Machine machine, TravelConfig config, InputLog input, Replayer.Gate gate) {
        super(machine, config, input, gate);
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
}
