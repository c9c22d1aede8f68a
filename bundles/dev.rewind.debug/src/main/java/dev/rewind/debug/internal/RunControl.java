package dev.rewind.debug.internal;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import dev.rewind.mcd.api.CoreEvent;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdEventListener;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.StepType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

/**
 * Forward run control: free runs (asynchronous: the machine's STOPPED event comes back through the executor),
 * instruction steps and synchronous runs for the stepping algorithms. A run that starts in history replays
 * silently up to the frontier, then goes on live. Breakpoint conditions, hit counts and log messages are
 * applied here: a hit that should not stop resumes at once, without events. Executor-confined but for
 * {@link #requestPause()}.
 */
final class RunControl {
    private final Context ctx;
    private final Stops stops;
    private final Conditions conditions;
    private final Executor executor;
    private volatile boolean pauseRequested;
    private boolean replaying;
    private long runStart;

    RunControl(Context ctx, Stops stops, Conditions conditions, Executor executor) {
        this.ctx = ctx;
        this.stops = stops;
        this.conditions = conditions;
        this.executor = executor;
        McdEventListener l = (core, events, state) -> {
            if ((events & CoreEvent.STOPPED.bit()) != 0) {
                if (ctx.running) {
                    executor.execute(this::machineStopped);
                } else if (!ctx.opInProgress) {
                    executor.execute(this::stoppedByAnotherClient);
                }
            }
        };
        ctx.machine.core(0).addEventListener(l);
    }

    /** From any thread: stops a forward run and cancels a stepping loop or a reverse search in progress. */
    void requestPause() throws McdException {
        pauseRequested = true;
        ctx.machine.cancelTravel();
        ctx.machine.stop();
    }

    boolean cancelled() {
        return pauseRequested;
    }

    /** Called at the start of every request that moves the machine. */
    void clearPause() {
        pauseRequested = false;
    }

    /**
     * Holds the harts outside {@code scope} for the next MCD runs and steps. A held set other than the machine's
     * (history's, in the past) starts a new future there, as a write would: the frontier becomes now and views
     * refetch.
     */
    void applyScope(dev.rewind.debug.RunScope scope, int hart) throws McdException {
        if (hart >= 0 && !scope.includes(hart)) {
            throw new DebugException("hart " + hart + " is outside the run scope (" + scope + ")");
        }
        long mask = scope.asHeld() ? ctx.machine.held() : scope.held(ctx.machine.harts());
        if (hart >= 0 && (mask >>> hart & 1) != 0) {
            throw new DebugException("hart " + hart + " is held here: it cannot step (" + scope + ")");
        }
        if (mask == (1L << ctx.machine.harts()) - 1) {
            throw new DebugException("the run scope (" + scope + ") holds every hart: nothing could run");
        }
        ctx.scope = scope;
        ctx.machine.hold(mask);
        if (ctx.time() < ctx.frontier && ctx.machine.held() != mask) {
            ctx.frontier = ctx.time();
            ctx.publish(new SessionEvent.Invalidated(ctx.id, ctx.frontier, false));
        }
    }

    /** After a scoped run or step: global runs of other MCD clients of the machine hold nothing again. */
    void releaseScope() {
        if (!ctx.scope.isAll() || ctx.scope.asHeld()) {
            ctx.scope = dev.rewind.debug.RunScope.ALL;
            try {
                ctx.machine.hold(0);
            } catch (McdException | RuntimeException e) {
                System.err.println("rewind: session " + ctx.id + ": cannot release held harts: " + e.getMessage());
            }
        }
    }

    void resume(dev.rewind.debug.RunScope scope) throws McdException {
        ctx.requireAlive("resume");
        applyScope(scope, -1);
        clearPause();
        stops.armTraps();
        runStart = ctx.time();
        probeLeft = PROBE_BUDGET;
        ctx.running = true; // before the start: the machine may stop before start() returns
        try {
            start();
        } catch (McdException | RuntimeException e) {
            ctx.running = false;
            releaseScope();
            throw e;
        }
        ctx.publish(new SessionEvent.Running(ctx.id, runStart, ctx.scope));
    }

    /**
     * Starts the machine: up to the frontier when in history (silently), else free. While trap stops are on and a
     * hart has no trap vector yet (mtvec 0), or early in the program (the first {@value #PROBE_BUDGET} instructions,
     * where start-up code installs and changes its vectors), it runs in short slices and re-arms the trap breakpoints
     * after each, for at most {@value #PROBE_BUDGET} instructions per run.
     */
    private void start() throws McdException {
        McdCore core = ctx.machine.core(0);
        long now = ctx.time();
        replaying = now < ctx.frontier;
        ctx.console.live(!replaying);
        long until = replaying ? ctx.frontier : -1;
        if (probeLeft > 0 && stops.trapsOn() && (stops.vectorMissing() || now < PROBE_BUDGET)) {
            until = until < 0 ? now + PROBE_SLICE : Math.min(until, now + PROBE_SLICE);
            probeLeft -= PROBE_SLICE;
        }
        sliceEnd = until;
        if (until >= 0) {
            core.runUntil(true, true, until);
        } else {
            core.run(true);
        }
    }

    private static final long PROBE_SLICE = 2_000;
    private static final long PROBE_BUDGET = 5_000_000;
    private long probeLeft;
    private long sliceEnd = -1;

    private void machineStopped() {
        if (!ctx.running) {
            return; // a step or a time-travel operation: its request reports the stop
        }
        try {
            Stops.Raw r = stops.raw(0);
            if (sliceEnd >= 0 && r.trigId() == 0 && !r.halted() && r.time() >= sliceEnd && !pauseRequested) {
                stops.armTraps();
                start(); // history replayed, or a slice waiting for the trap vectors done: go on
                return;
            }
            Stop stop = stops.classify(r, StopReason.PAUSE, -1);
            if (stop.reason() == StopReason.BREAKPOINT && r.time() == runStart && !pauseRequested) {
                runStart = -1; // stopped by the breakpoint it started on without moving: go over it once
                start();
                return;
            }
            if (!pauseRequested && !conditions.shouldStop(stop)) {
                start();
                return;
            }
            ctx.console.live(false);
            releaseScope();
            ctx.stopped(stop, false);
        } catch (McdException | RuntimeException e) {
            ctx.running = false;
            releaseScope();
            ctx.failWaiters(new DebugException("the machine stopped, but its state cannot be read: " + e.getMessage(),
                    e));
        }
    }

    /**
     * The machine stopped through its MCD API, driven by another client (an MCD tool, the shell): tell this
     * session's listeners where it is now.
     */
    private void stoppedByAnotherClient() {
        if (ctx.running || ctx.opInProgress) {
            return;
        }
        try {
            Stops.Raw r = stops.raw(0);
            if (r.state() == dev.rewind.mcd.api.CoreExecState.RUNNING) {
                return;
            }
            ctx.stopped(stops.classify(r, StopReason.PAUSE, -1), true);
        } catch (McdException | RuntimeException e) {
            System.err.println("rewind: session " + ctx.id + ": cannot read a stop caused by another client: " + e);
        }
    }

    /** Steps {@code hart} by {@code n} instructions, synchronously; the stop is not yet reported. */
    Stop stepRaw(int hart, int n) throws McdException {
        ctx.requireAlive("step");
        ctx.console.live(ctx.time() >= ctx.frontier);
        try {
            ctx.machine.core(hart).step(true, StepType.INSTR, n); // global: every hart but the held ones
        } finally {
            ctx.console.live(false);
        }
        Stops.Raw r = stops.raw(hart);
        ctx.frontier = Math.max(ctx.frontier, r.time());
        return stops.classify(r, StopReason.STEP, hart);
    }

    /**
     * Runs forward synchronously (on the executor) until the machine stops; returns the raw stop. Used by step
     * over and step out, with temporary breakpoints set by the caller.
     */
    Stops.Raw runRaw(int hart) throws McdException {
        ctx.requireAlive("run");
        CountDownLatch stopped = new CountDownLatch(1);
        McdEventListener l = (core, events, state) -> {
            if ((events & CoreEvent.STOPPED.bit()) != 0) {
                stopped.countDown();
            }
        };
        McdCore core = ctx.machine.core(hart);
        core.addEventListener(l);
        try {
            boolean history = ctx.time() < ctx.frontier;
            ctx.console.live(!history);
            if (history) {
                core.runUntil(true, true, ctx.frontier);
            } else {
                core.run(true);
            }
            if (pauseRequested) {
                ctx.machine.stop();
            }
            stopped.await();
            Stops.Raw r = stops.raw(hart);
            if (history && r.trigId() == 0 && !r.halted() && r.time() >= ctx.frontier && !pauseRequested) {
                core.removeEventListener(l);
                return runRaw(hart);
            }
            ctx.frontier = Math.max(ctx.frontier, r.time());
            return r;
        } catch (InterruptedException e) {
            ctx.machine.stop();
            Thread.currentThread().interrupt();
            throw new DebugException("interrupted while the machine ran", e);
        } finally {
            ctx.console.live(false);
            core.removeEventListener(l);
        }
    }

    /** Whether a breakpoint hit during a stepping run should end the step (conditions, hit counts, logs). */
    boolean hitStops(Stop stop) throws McdException {
        return conditions.shouldStop(stop);
    }

    static boolean isUserStop(Stop s) {
        return s.reason() != StopReason.STEP && s.reason() != StopReason.PAUSE;
    }
}
