package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.Addr;
import dev.rewind.mcd.api.CoreExecState;
import dev.rewind.mcd.api.CoreState;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.client.OpenCores;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.StepType;
import dev.rewind.mcd.api.Tx;
import dev.rewind.mcd.api.TxList;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.DebugSessions;
import dev.rewind.mcd.timetravel.TimeTravel;
import dev.rewind.symbols.Symbols;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One program under debug, driven only through the MCD API of a debug session (shared with the other front
 * ends, which can attach to it): the program's symbols (the session's, from dev.rewind.symbols), its MCD API, an
 * open core per hart, the current hart (the one that caused the last stop, or chosen with {@code hart}),
 * the user's triggers and the console log. Every run-control method blocks until the machine stopped.
 * Not thread-safe: one Gogo session drives it.
 */
public final class McdTarget implements AutoCloseable {
    private final Path program;
    private final Symbols symbols;
    private final McdApi api;
    private final DebugSession session;
    private final List<McdCore> cores = new ArrayList<>();
    private final ConsoleLog console;
    private final RegisterFile registers;
    private final UserTriggers triggers;
    private final int physicalSpace;
    private int currentHart;
    /** The latest virtual time reached: the console log holds the output up to here. */
    private long frontier;

    McdTarget(Path program, Symbols symbols, DebugSession session, ConsoleLog console) throws McdException {
        this.program = program;
        this.symbols = symbols;
        this.session = session;
        this.api = session.adapt(McdApi.class).orElseThrow();
        this.console = console;
        OpenCores open = OpenCores.open(api);
        cores.addAll(open.cores());
        McdCore first = cores.get(0);
        this.physicalSpace = open.physicalSpace();
        this.registers = new RegisterFile(first, session.registers());
        this.triggers = new UserTriggers(symbols, cores, physicalSpace);
    }

    /**
     * Loads {@code elf} as a new debug session of {@code sessions} ({@code harts} harts, {@code quantum} instructions per
     * turn, 0 for the default): DAP and GDB front ends can attach to the same machine.
     *
     * @throws IOException        the file cannot be read
     * @throws dev.rewind.symbols.elf.ElfException it is not a RISC-V ELF
     * @throws McdException       the back end refused (e.g. segments outside RAM)
     */
    public static McdTarget load(DebugSessions sessions, Path elf, int harts, int quantum) throws IOException,
            McdException {
        return TargetLoader.load(sessions, elf, harts, quantum);
    }

    /** At the end of an opened recording: its console output is the target's, the frontier is here. */
    void reachedEnd() throws McdException {
        console.commit(true);
        frontier = time();
    }

    public Path program() {
        return program;
    }

    /** The program's symbols: the session's, shared with the other front ends attached to it. */
    public Symbols symbols() {
        return symbols;
    }

    /** 32 or 64. */
    public int xlen() {
        return session.xlen();
    }

    public int harts() {
        return cores.size();
    }

    public McdCore core(int hart) {
        if (hart < 0 || hart >= cores.size()) {
            throw new IllegalArgumentException("no hart " + hart + " (the program runs on " + cores.size() + " harts: 0.."
                    + (cores.size() - 1) + ")");
        }
        return cores.get(hart);
    }

    public int currentHart() {
        return currentHart;
    }

    public void selectHart(int hart) {
        core(hart);
        currentHart = hart;
    }

    RegisterFile registers() {
        return registers;
    }

    UserTriggers triggers() {
        return triggers;
    }

    public String console() {
        return console.text();
    }

    public long time() throws McdException {
        return cores.get(0).qryCurrentTime();
    }

    /** The state of {@code hart}'s core (consumes its pending events). */
    public CoreState state(int hart) throws McdException {
        return core(hart).qryState();
    }

    public long pc(int hart) throws McdException {
        return RegisterFile.read(core(hart), registers.info("pc"));
    }

    public long register(int hart, String name) throws McdException {
        return RegisterFile.read(core(hart), registers.info(name));
    }

    public void setRegister(int hart, String name, long value) throws McdException {
        RegisterFile.write(core(hart), registers.info(name), value);
    }

    public byte[] readMemory(long address, int length) throws McdException {
        TxList r = core(currentHart).executeTxlist(TxList.of(Tx.read(Addr.of(physicalSpace, address), length)));
        return r.tx().get(0).data();
    }

    public void writeMemory(long address, byte[] data) throws McdException {
        core(currentHart).executeTxlist(TxList.of(Tx.write(Addr.of(physicalSpace, address), data)));
    }

    // ---- run control: each call blocks until the machine stopped and returns the stop

    /** Runs until a trigger, the program's end or a stop; {@code maxInstructions} > 0 bounds it in virtual time. */
    public CoreState run(long maxInstructions) throws McdException {
        long start = time();
        CoreState st = runFrom(start, maxInstructions);
        if (st.state() == CoreExecState.DEBUG && st.trigId() != 0 && time() == start) {
            // stopped again by the trigger at the starting point without moving: continue over it
            st = runFrom(start, maxInstructions);
        }
        return st;
    }

    private CoreState runFrom(long start, long maxInstructions) throws McdException {
        McdCore core = core(currentHart);
        long end = maxInstructions > 0 ? start + maxInstructions : -1;
        if (start < frontier) {
            // replay up to the furthest point reached: its console output is already in the log
            long until = end >= 0 ? Math.min(end, frontier) : frontier;
            CoreState st = StopWaiter.awaitStop(core, () -> core.runUntil(true, true, until));
            console.commit(false);
            if (st.state() != CoreExecState.DEBUG || time() < frontier || (end >= 0 && time() >= end)) {
                return stopped(st);
            }
        }
        CoreState st = end >= 0 ? StopWaiter.awaitStop(core, () -> core.runUntil(true, true, end))
                : StopWaiter.awaitStop(core, () -> core.run(true));
        return forwardDone(st);
    }

    /** Steps {@code hart} by {@code n} instructions. */
    public CoreState step(int hart, int n) throws McdException {
        McdCore core = core(hart);
        currentHart = hart;
        long before = time();
        if (before < frontier) {
            CoreState st = null;
            for (int i = 0; i < n; i++) {
                long t = time();
                core.step(true, StepType.INSTR, 1);
                st = core.qryState();
                console.commit(time() > frontier || t >= frontier);
                frontier = Math.max(frontier, time());
                if (st.state() != CoreExecState.DEBUG || st.trigId() != 0) {
                    break;
                }
            }
            return n == 0 ? core.qryState() : stopped(st);
        }
        core.step(true, StepType.INSTR, n);
        return forwardDone(core.qryState());
    }

    /** Stops a running machine (a no-op when it is stopped). */
    public CoreState stop() throws McdException {
        core(currentHart).stop(true);
        return core(currentHart).qryState();
    }

    public TimeTravel travel(int hart) {
        return core(hart).adapt(TimeTravel.class).orElseThrow(() ->
                new IllegalStateException("this back end has no time travel"));
    }

    /** Runs a time-travel operation: whatever the guest printed while replaying is history, not new output. */
    public CoreState travel(int hart, TravelOp op) throws McdException {
        TimeTravel.StopInfo info = op.apply(travel(hart));
        console.commit(false);
        currentHart = info.hart() >= 0 && info.hart() < cores.size() ? info.hart() : hart;
        return core(currentHart).qryState();
    }

    /** One operation of the time-travel extension. */
    @FunctionalInterface
    public interface TravelOp {
        TimeTravel.StopInfo apply(TimeTravel travel) throws McdException;
    }

    private CoreState forwardDone(CoreState st) throws McdException {
        console.commit(true);
        frontier = Math.max(frontier, time());
        return stopped(st);
    }

    private CoreState stopped(CoreState st) {
        if (st.state() != CoreExecState.RUNNING && st.hwThreadId() >= 0 && st.hwThreadId() < cores.size()) {
            currentHart = st.hwThreadId();
        }
        return st;
    }

    /** One line about a stop: {@code hart 0 stopped at 0x80000120 <main>, time 1234: breakpoint ...}. */
    public String describe(CoreState st) throws McdException {
        String where = st.state() == CoreExecState.HALTED ? "halted" : "stopped at " + Values.where(symbols, pc(currentHart));
        UserTriggers.Entry hit = st.trigId() == 0 ? null : triggers.byMcdId(currentHart, st.trigId());
        return "hart " + currentHart + " " + (st.state() == CoreExecState.RUNNING ? "running" : where) + ", time "
                + time() + (st.stopStr().isEmpty() ? "" : ": " + st.stopStr())
                + (hit == null ? "" : " [" + hit.number() + ": " + hit.description() + "]");
    }

    @Override
    public void close() {
        try {
            cores.get(0).stop(true);
        } catch (McdException e) {
            // the machine is being discarded; a failed stop leaves only a daemon thread behind
            console.commit(false);
        }
        session.end();
    }
}
