package dev.rewind.debug.internal;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import dev.rewind.mcd.api.McdException;

/**
 * Forward stepping beyond single instructions: step while in a range (over calls, recursion-safe: a call runs
 * to its return address in the same frame), and step out to a return address. Each ends early at a breakpoint
 * that stops, an exit or a pause. Executor-confined.
 */
final class Stepping {
    private static final int SP = 2;
    /** A guard against a range the hart never leaves; pause ends such a step earlier. */
    private static final long MAX_STEPS = 50_000_000;

    private final Context ctx;
    private final RunControl run;
    private final Stops stops;

    Stepping(Context ctx, RunControl run, Stops stops) {
        this.ctx = ctx;
        this.run = run;
        this.stops = stops;
    }

    /** A step op of the session: returns the stop it reports. */
    interface StepWork {
        Stop run() throws McdException;
    }

    /** Runs {@code work} with only the harts of {@code scope} moving (it must include {@code hart}). */
    Stop scoped(int hart, dev.rewind.debug.RunScope scope, StepWork work) throws McdException {
        ctx.machine.core(hart);
        ctx.requireAlive("step");
        run.applyScope(scope, hart);
        try {
            return work.run();
        } finally {
            run.releaseScope();
        }
    }

    Stop instruction(int hart, int n) throws McdException {
        run.clearPause();
        stops.armTraps();
        Stop s = run.stepRaw(hart, n);
        while (RunControl.isUserStop(s) && !run.hitStops(s) && !s.exited()) {
            s = run.stepRaw(hart, 1); // a hit that does not stop (condition, log point) counts as not there
        }
        return ctx.stopped(s, false);
    }

    Stop range(int hart, long lo, long hi, boolean overCalls) throws McdException {
        run.clearPause();
        stops.armTraps();
        for (long i = 0; i < MAX_STEPS; i++) {
            long before = ctx.machine.pc(hart);
            Stop s = run.stepRaw(hart, 1);
            if (RunControl.isUserStop(s) && (s.exited() || run.hitStops(s))) {
                return ctx.stopped(s, false);
            }
            long pc = s.pc();
            if (overCalls && !inRange(pc, lo, hi) && isCallAt(hart, before)) {
                int len = Insns.length(fetch(before));
                Stop back = toReturn(hart, before + len, ctx.machine.readRegister(hart, SP));
                if (back.reason() != StopReason.STEP) {
                    return ctx.stopped(back, false);
                }
                pc = back.pc();
            }
            if (pc == lo && pc != before + Insns.length(fetch(before)) && pc != before) {
                // a jump back to the start of the range: a new pass through the line (a loop), as gdb stops there
                return ctx.stopped(stops.here(StopReason.STEP, hart, null), false);
            }
            if (!inRange(pc, lo, hi) || run.cancelled()) {
                return ctx.stopped(stops.here(run.cancelled() ? StopReason.PAUSE : StopReason.STEP, hart, null), false);
            }
        }
        throw new DebugException("the step did not leave [0x" + Long.toHexString(lo) + ", 0x" + Long.toHexString(hi)
                + ") within " + MAX_STEPS + " instructions");
    }

    Stop out(int hart, long returnAddress, long callerSp) throws McdException {
        run.clearPause();
        stops.armTraps();
        return ctx.stopped(toReturn(hart, returnAddress, callerSp), false);
    }

    /**
     * Runs until {@code hart} is at {@code address} with sp at least {@code sp} (the frame that made the call
     * is back). Returns a STEP stop there, or the stop that came first.
     */
    private Stop toReturn(int hart, long address, long sp) throws McdException {
        int trig = ctx.breakpoints.addTemporary(hart, address);
        try {
            while (true) {
                Stops.Raw r = run.runRaw(hart);
                if (r.trigId() == trig && r.hart() == hart && !run.cancelled()) {
                    if (Long.compareUnsigned(ctx.machine.readRegister(hart, SP), sp) >= 0) {
                        return stops.here(StopReason.STEP, hart, null);
                    }
                    continue; // a deeper activation (recursion) returned there: go on
                }
                Stop s = stops.classify(r, StopReason.PAUSE, hart);
                if (s.reason() == StopReason.PAUSE || s.exited() || run.hitStops(s)) {
                    return s;
                }
            }
        } finally {
            ctx.breakpoints.removeTemporary(hart, trig);
        }
    }

    boolean isCallAt(int hart, long pc) throws McdException {
        return Insns.isCall(fetch(pc), ctx.machine.xlen());
    }

    /** The instruction at {@code pc} (low half only when compressed); 0 when unreadable. */
    int fetch(long pc) {
        byte[] b = ctx.machine.readMemory(pc, 4).data();
        if (b.length < 2) {
            return 0;
        }
        int low = (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
        if ((low & 3) != 3) {
            return low;
        }
        return b.length < 4 ? 0 : low | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    }

    static boolean inRange(long pc, long lo, long hi) {
        return Long.compareUnsigned(pc, lo) >= 0 && Long.compareUnsigned(pc, hi) < 0;
    }
}
