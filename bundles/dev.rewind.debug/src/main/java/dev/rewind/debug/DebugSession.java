package dev.rewind.debug;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One machine under debug, shared by every front end attached to it. Every request runs on the session's own
 * executor, in the order the requests arrive, and returns a future completed there; the events a request
 * causes are delivered to each listener after the request's future completed (see {@link SessionListener}).
 * Nothing here touches the engine but through the MCD API.
 *
 * <p>The machine runs or stops as a whole (all-stop): running, stepping and time travel move every hart, unless a
 * forward run or step is given a {@link RunScope} that holds some harts (they stay stopped while the others run). A
 * request that needs a stopped machine (stepping, time travel, state writes) fails with {@link DebugException}
 * while it runs; {@link #pause()} works at any time and also cancels a long reverse operation.
 *
 * <p>Ranges are half-open: {@code [lo, hi)}.
 */
public interface DebugSession {

    /** Short unique id ({@code s1}, {@code s2}, ...). */
    String id();

    LaunchConfig config();

    /** The program's path (for a recording: the recorded program). */
    Path program();

    int harts();

    /** 32 or 64. */
    int xlen();

    /** The registers of every hart: x0..x31, pc, then the CSRs, in GDB numbering order. */
    List<Register> registers();

    /** A register by name ({@code a0}, {@code x10}, {@code s0}/{@code fp}, {@code pc}, {@code mstatus}) or GDB number. */
    Register register(String nameOrNumber);

    /** The machine's memory map (RAM and device windows), as its MCD memory blocks describe it. */
    List<MemoryRegion> memoryRegions();

    /** Whether the machine runs forward right now (a snapshot: may change at once). */
    boolean running();

    /** The last stop (for a new session: {@link StopReason#ENTRY} at time 0). */
    Stop lastStop();

    /** Adds a listener; close the returned handle to remove it. */
    AutoCloseable addListener(SessionListener listener);

    // ---- run control

    /** Runs forward until a breakpoint, exit or pause; completes once running. A {@code Stopped} event follows. */
    CompletableFuture<Void> resume();

    /** Completes at the next stop of the machine, whoever caused it. */
    CompletableFuture<Stop> nextStop();

    /** Stops a running machine or cancels a running reverse operation; the stop (or the last one if stopped). */
    CompletableFuture<Stop> pause();

    /** Steps {@code hart} by {@code n} instructions (the other harts advance as the schedule runs them). */
    CompletableFuture<Stop> stepInstruction(int hart, int n);

    /**
     * Steps {@code hart} while its pc is in {@code [lo, hi)}; with {@code overCalls}, a call made from the range
     * runs to its return (recursion-safe) and stepping goes on. A jump back to {@code lo} ends the step too (the next
     * pass of a loop on one line, where gdb's {@code next} stops). Stops early at breakpoints, exits and pauses.
     */
    CompletableFuture<Stop> stepRange(int hart, long lo, long hi, boolean overCalls);

    /**
     * Runs {@code hart} until it returns to {@code returnAddress} in the frame whose stack pointer after the return is
     * at least {@code callerSp} (the CFA of the frame being left). Other stops (breakpoints, exit) end it early.
     */
    CompletableFuture<Stop> stepOut(int hart, long returnAddress, long callerSp);

    /**
     * Resets the whole machine (harts, devices, memory as after loading) and stops at the entry at time 0: a new
     * run, with a new history. Breakpoints and bookmarks are kept.
     */
    CompletableFuture<Stop> reset();

    // ---- run control with held harts (RunScope; the methods above are these with RunScope.ALL)

    /**
     * {@link #resume()} with only the harts of {@code scope} running; the {@code Running} event carries the scope.
     * The default supports only {@link RunScope#ALL}.
     */
    default CompletableFuture<Void> resume(RunScope scope) {
        return scope.isAll() ? resume() : CompletableFuture.failedFuture(noScope());
    }

    /** {@link #stepInstruction(int, int)} with only the harts of {@code scope} running (it must include {@code hart}). */
    default CompletableFuture<Stop> stepInstruction(int hart, int n, RunScope scope) {
        return scope.isAll() ? stepInstruction(hart, n) : CompletableFuture.failedFuture(noScope());
    }

    /** {@link #stepRange} with only the harts of {@code scope} running (it must include {@code hart}). */
    default CompletableFuture<Stop> stepRange(int hart, long lo, long hi, boolean overCalls, RunScope scope) {
        return scope.isAll() ? stepRange(hart, lo, hi, overCalls) : CompletableFuture.failedFuture(noScope());
    }

    /** {@link #stepOut} with only the harts of {@code scope} running (it must include {@code hart}). */
    default CompletableFuture<Stop> stepOut(int hart, long returnAddress, long callerSp, RunScope scope) {
        return scope.isAll() ? stepOut(hart, returnAddress, callerSp) : CompletableFuture.failedFuture(noScope());
    }

    private static DebugException noScope() {
        return new DebugException("this session cannot hold harts: it runs them all");
    }

    // ---- time travel (fail with DebugException when history is off or the machine runs)

    /** Steps {@code hart} back by {@code n} instructions. */
    CompletableFuture<Stop> stepBackInstruction(int hart, int n);

    /**
     * Steps {@code hart} back while its pc is in {@code [lo, hi)}; with {@code overCalls}, calls made from the range
     * are stepped back over whole. Lands on the last instruction {@code hart} executed before it entered the range.
     * A reverse "next" over source lines is two of these and one forward instruction step: back out of the current
     * line's range (landing at the end of the previous line), back out of that line's range, one step forward.
     */
    CompletableFuture<Stop> stepBackRange(int hart, long lo, long hi, boolean overCalls);

    /** Back to just before the call that entered the current function (the call instruction at {@code callSite}). */
    CompletableFuture<Stop> stepBackOut(int hart, long callSite, long callerSp);

    /** Backwards to the latest earlier breakpoint or watchpoint hit, or the start of history. */
    CompletableFuture<Stop> reverseContinue();

    /** Back to just after the last store (by any hart) into {@code [address, address+length)}. */
    CompletableFuture<Stop> reverseToLastWrite(long address, long length);

    /** Goes to an absolute virtual time, earlier or later (later than the frontier runs forward). */
    CompletableFuture<Stop> goToTime(long time);

    CompletableFuture<TimeInfo> time();

    /** What history holds: range, snapshots and their memory; fails when the session keeps no history. */
    default CompletableFuture<HistoryInfo> history() {
        return CompletableFuture.failedFuture(new DebugException("this session cannot describe its history"));
    }

    CompletableFuture<Bookmark> addBookmark(String name);

    CompletableFuture<List<Bookmark>> bookmarks();

    CompletableFuture<Stop> goToBookmark(String name);

    CompletableFuture<Void> renameBookmark(String name, String newName);

    CompletableFuture<Void> deleteBookmark(String name);

    /** Saves the session as a recording; completes with the recording's end time. */
    CompletableFuture<Long> saveRecording(Path file);

    // ---- state

    CompletableFuture<long[]> readRegisters(int hart, List<Register> registers);

    CompletableFuture<Long> readRegister(int hart, Register register);

    CompletableFuture<Void> writeRegister(int hart, Register register, long value);

    /** Reads guest physical memory; a read running into memory that does not exist returns what could be read. */
    CompletableFuture<MemoryRead> readMemory(long address, int length);

    CompletableFuture<Void> writeMemory(long address, byte[] data);

    /** {@code count} instructions from {@code address} on (forward only; the caller picks an instruction boundary). */
    CompletableFuture<List<Instruction>> disassemble(long address, int count);

    // ---- breakpoints

    /** Adds a breakpoint or watchpoint; fails with DebugException when the hardware trigger budget is used up. */
    CompletableFuture<Breakpoint> addBreakpoint(BreakpointSpec spec);

    CompletableFuture<Void> removeBreakpoint(int id);

    CompletableFuture<List<Breakpoint>> breakpoints();

    /** Stop when a hart takes a trap: synchronous exceptions and/or interrupts (off by default). */
    CompletableFuture<Void> setTrapStops(boolean exceptions, boolean interrupts);

    // ---- symbols and inspection

    /**
     * The program's symbols (ELF symbols, DWARF lines, frames, variables, types), loaded once per session and shared
     * by its front ends; empty when the program could not be read for symbols (then {@link #symbolProblems()} says
     * why). A program without debug information has symbols without lines.
     */
    java.util.Optional<dev.rewind.symbols.Symbols> symbols();

    /** Why symbols are missing or incomplete (per unit), for people. */
    List<String> symbolProblems();

    /**
     * Runs {@code work} on the session's executor with direct access to a stopped hart: the way to unwind its
     * stack, read variables and evaluate expressions with the symbols without a round trip per register. Writes
     * made through the access publish one {@code Invalidated} event when the work is done.
     */
    <T> CompletableFuture<T> inspect(int hart, Inspection<T> work);

    // ---- other views of the same machine

    /**
     * Another view of this session's machine: {@code dev.rewind.mcd.api.McdApi} (its MCD API, for the MCD wire
     * server and MCD-level tools: stops they cause reach this session's listeners as {@code Stopped} events) or
     * {@link RawConsole}. Empty for other types.
     */
    <T> java.util.Optional<T> adapt(Class<T> type);

    // ---- life cycle

    /** Ends the session: the machine is discarded, listeners get {@code Ended}. Idempotent. */
    CompletableFuture<Void> end();

    /** Whether {@link #end} has been called: from then on the session is over, even while it winds down. */
    boolean ended();
}
