package dev.rewind.debug.internal;

import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.Register;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import dev.rewind.mcd.api.CoreExecState;
import dev.rewind.mcd.api.CoreState;
import dev.rewind.mcd.api.McdException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what MCD reports about a stop (mcd_qry_state_f of the cores) into a typed {@link Stop}: the hart that
 * caused it, the trigger hit (mapped back to a breakpoint of the session), the exit code.
 */
final class Stops {
    private static final Pattern EXIT = Pattern.compile("exited with code (-?\\d+)");
    private static final int MCAUSE = Register.CSR_BASE + 0x342;
    private static final int MTVAL = Register.CSR_BASE + 0x343;

    /** The raw facts of a stop. */
    record Raw(CoreExecState state, int hart, int trigId, String text, long time, long pc) {
        boolean halted() {
            return state == CoreExecState.HALTED;
        }
    }

    private final Context ctx;
    private static final int MTVEC = Register.CSR_BASE + 0x305;
    /** MCD trigger ids (per hart) of the trap-stop triggers (0 for none) and their addresses. */
    private int[] trapTriggers = new int[0];
    private long[] trapAddresses = new long[0];
    private boolean exceptions;
    private boolean interrupts;

    Stops(Context ctx) {
        this.ctx = ctx;
    }

    /** Which traps stop the machine; takes effect at the next run or step. */
    void trapStops(boolean onExceptions, boolean onInterrupts) throws McdException {
        exceptions = onExceptions;
        interrupts = onInterrupts;
        armTraps();
    }

    /**
     * Keeps a breakpoint at each hart's trap vector (mtvec's base) while trap stops are on: a trap is the hart
     * arriving there. Called before every run, since the guest may move its vector.
     */
    void armTraps() throws McdException {
        int n = ctx.machine.harts();
        if (trapTriggers.length != n) {
            trapTriggers = new int[n];
            trapAddresses = new long[n];
        }
        for (int h = 0; h < n; h++) {
            boolean on = exceptions || interrupts;
            long base = on ? ctx.machine.readRegister(h, MTVEC) & ~3L : 0;
            if (trapTriggers[h] != 0 && (!on || trapAddresses[h] != base)) {
                ctx.breakpoints.removeTemporary(h, trapTriggers[h]);
                trapTriggers[h] = 0;
            }
            if (on && trapTriggers[h] == 0 && base != 0) {
                trapTriggers[h] = ctx.breakpoints.addTemporary(h, base);
                trapAddresses[h] = base;
            }
        }
    }

    boolean trapsOn() {
        return exceptions || interrupts;
    }

    /** Whether trap stops are on but some hart has no trap vector yet (mtvec 0), so nothing is armed for it. */
    boolean vectorMissing() {
        if (!exceptions && !interrupts) {
            return false;
        }
        for (int t : trapTriggers) {
            if (t == 0) {
                return true;
            }
        }
        return trapTriggers.length == 0;
    }

    /** Whether a TRAP stop is one the user asked for (exceptions and/or interrupts). */
    boolean trapWanted(Stop stop) {
        boolean interrupt = stop.trapCause() < 0 || (ctx.machine.xlen() == 32 && (stop.trapCause() & 0x8000_0000L) != 0);
        return interrupt ? interrupts : exceptions;
    }

    /** Reads the state of the machine after a stop; {@code fallbackHart} when MCD names none. */
    Raw raw(int fallbackHart) throws McdException {
        McdMachine m = ctx.machine;
        CoreState s0 = m.state(0);
        int hart = s0.hwThreadId() >= 0 && s0.hwThreadId() < m.harts() ? s0.hwThreadId() : fallbackHart;
        int trig = s0.trigId();
        if (hart != 0) {
            trig = m.state(hart).trigId();
        }
        return new Raw(s0.state(), hart, trig, s0.stopStr() == null ? "" : s0.stopStr(), m.time(), m.pc(hart));
    }

    /** The typed stop for {@code r}; {@code plain} is the reason when no trigger, exit or halt explains it. */
    Stop classify(Raw r, StopReason plain, int plainHart) throws McdException {
        if (r.halted()) {
            Matcher mm = EXIT.matcher(r.text());
            int code = mm.find() ? Integer.parseInt(mm.group(1)) : 0;
            return new Stop(StopReason.EXIT, r.hart(), r.time(), r.pc(), 0, null, code, 0, 0,
                    "hart " + r.hart() + " exited with code " + code + " at time " + r.time());
        }
        if (r.trigId() != 0) {
            int id = ctx.breakpoints.idOf(r.hart(), r.trigId());
            if (id != 0) {
                BreakpointSpec spec = ctx.breakpoints.spec(id);
                if (spec.kind() == BreakpointSpec.Kind.WATCH) {
                    Stop.Watch w = new Stop.Watch(spec.address(), (int) spec.length(), spec.access());
                    return new Stop(StopReason.WATCHPOINT, r.hart(), r.time(), r.pc(), id, w, 0, 0, 0,
                            "hart " + r.hart() + " hit watchpoint " + id + " (" + r.text() + ")");
                }
                return new Stop(StopReason.BREAKPOINT, r.hart(), r.time(), r.pc(), id, null, 0, 0, 0,
                        String.format("hart %d hit breakpoint %d at 0x%x, time %d", r.hart(), id, r.pc(), r.time()));
            }
            if (r.hart() < trapTriggers.length && trapTriggers[r.hart()] == r.trigId() && r.trigId() != 0) {
                long cause = ctx.machine.readRegister(r.hart(), MCAUSE);
                long tval = ctx.machine.readRegister(r.hart(), MTVAL);
                return new Stop(StopReason.TRAP, r.hart(), r.time(), r.pc(), 0, null, 0, cause, tval,
                        String.format("hart %d took a trap: mcause 0x%x, mtval 0x%x, time %d", r.hart(), cause, tval,
                                r.time()));
            }
        }
        if (r.text().startsWith("engine error") || r.text().startsWith("deadlock")) {
            return new Stop(StopReason.HALTED, r.hart(), r.time(), r.pc(), 0, null, 0, 0, 0, r.text());
        }
        int hart = plainHart >= 0 ? plainHart : r.hart();
        long pc = hart == r.hart() ? r.pc() : ctx.machine.pc(hart);
        return new Stop(plain, hart, r.time(), pc, 0, null, 0, 0, 0,
                describe(plain, hart) + String.format(" at 0x%x, time %d", pc, r.time()));
    }

    /** A stop of {@code reason} for {@code hart} where the machine is now. */
    Stop here(StopReason reason, int hart, String what) throws McdException {
        long time = ctx.machine.time();
        long pc = ctx.machine.pc(hart);
        return new Stop(reason, hart, time, pc, 0, null, 0, 0, 0,
                (what == null ? describe(reason, hart) : what) + String.format(" at 0x%x, time %d", pc, time));
    }

    private static String describe(StopReason reason, int hart) {
        return switch (reason) {
            case STEP -> "hart " + hart + " stepped";
            case PAUSE -> "paused (hart " + hart + ")";
            case HISTORY_START -> "reached the start of history (hart " + hart + ")";
            case HISTORY_END -> "reached the newest point of history (hart " + hart + ")";
            case GOTO -> "went to time (hart " + hart + ")";
            default -> reason.name().toLowerCase() + " (hart " + hart + ")";
        };
    }
}
