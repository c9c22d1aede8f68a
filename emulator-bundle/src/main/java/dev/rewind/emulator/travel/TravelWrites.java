package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import java.util.List;
import java.util.Objects;

/**
 * The state-changing side of a {@link TimeMachine}: debugger writes, held harts, console input and discarding the
 * future, each of which may start a new future when made in the past. Package-private: its public methods are
 * {@link TimeMachine}'s (documented there by javadoc as its own), split out only to keep one concern per file.
 */
abstract class TravelWrites extends TravelHistory {

    TravelWrites(Machine machine, TravelConfig config, InputLog input, Replayer.Gate gate) {
        super(machine, config, input, gate);
    }

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
}
