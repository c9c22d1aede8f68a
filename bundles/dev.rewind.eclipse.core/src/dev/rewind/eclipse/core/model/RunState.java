package dev.rewind.eclipse.core.model;

import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import dev.rewind.eclipse.core.RewindDebug;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.model.IBreakpoint;

/**
 * The all-stop run state of a target: suspended or running, the requests in flight (steps, reverse searches), the
 * last stop, terminated. Turns runs and stops into debug events: at a stop the stopping hart suspends (the Debug view
 * selects it) and the others only change state and content.
 */
final class RunState {
    private final RewindDebugTarget target;
    private final RewindThread[] threads;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean suspended = true;
    private volatile boolean terminated;
    private volatile Stop lastStop;

    RunState(RewindDebugTarget target, RewindThread[] threads, Stop lastStop) {
        this.target = target;
        this.threads = threads;
        this.lastStop = lastStop;
    }

    Stop lastStop() {
        return lastStop;
    }

    boolean suspended() {
        return suspended && !terminated;
    }

    boolean terminated() {
        return terminated;
    }

    /** Whether a request is in flight. */
    boolean busy() {
        return busy.get() > 0;
    }

    /** Suspended, not terminated, no request in flight: a new request may start. */
    boolean idle() {
        return suspended && !terminated && busy.get() == 0;
    }

    boolean canSuspend() {
        return !terminated && (!suspended || busy.get() > 0);
    }

    /** Runs {@code op}, a request that ends in a stop, for thread {@code t} (resume event {@code detail}). */
    CompletableFuture<Stop> run(RewindThread t, int detail, String what, Supplier<CompletableFuture<Stop>> op) {
        if (terminated) {
            return CompletableFuture.failedFuture(new IllegalStateException("the session has ended"));
        }
        busy.incrementAndGet();
        suspended = false;
        boolean step = detail == DebugEvent.STEP_INTO || detail == DebugEvent.STEP_OVER
                || detail == DebugEvent.STEP_RETURN;
        for (RewindThread th : threads) {
            th.running(step && th == t);
        }
        t.fire(DebugEvent.RESUME, detail);
        CompletableFuture<Stop> f;
        try {
            f = op.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.whenComplete((stop, error) -> {
            busy.decrementAndGet();
            if (error != null) {
                Platform.getLog(RewindDebugTarget.class).log(new Status(IStatus.WARNING, RewindDebug.PLUGIN_ID,
                        what + " failed: " + error.getMessage(), error));
            }
            stopped(stop != null ? stop : target.session().lastStop());
        });
    }

    /** The whole target resumes (a resume of the user's). */
    void resumed() {
        suspended = false;
        for (RewindThread t : threads) {
            t.running(false);
        }
        target.fireResumeEvent(DebugEvent.CLIENT_REQUEST);
    }

    /** The session runs: unless one of this target's requests runs it, another front end resumed it. */
    void sessionRunning() {
        if (busy.get() == 0 && suspended) {
            resumed();
        }
    }

    /** The session stopped: unless one of this target's requests is in flight (it reports its own stop). */
    void sessionStopped(Stop stop) {
        if (busy.get() == 0) {
            stopped(stop);
        }
    }

    void stopped(Stop stop) {
        if (stop == null || terminated) {
            return;
        }
        lastStop = stop;
        suspended = true;
        BreakpointSync breakpoints = target.breakpointSync();
        if (stop.breakpointId() != 0) {
            target.session().breakpoints().thenAccept(list -> list.forEach(b -> breakpoints.changed(b, false)));
        }
        IBreakpoint hit = breakpoints.breakpointOf(stop.breakpointId());
        int stopHart = stop.hart() >= 0 && stop.hart() < threads.length ? stop.hart() : 0;
        for (RewindThread t : threads) {
            t.stopped(stop, t.hart() == stopHart && hit != null ? new IBreakpoint[] {hit} : new IBreakpoint[0]);
        }
        threads[stopHart].fire(DebugEvent.SUSPEND, detail(stop.reason()));
        for (RewindThread t : threads) {
            if (t.hart() != stopHart) {
                t.fire(DebugEvent.CHANGE, DebugEvent.CONTENT);
            }
        }
    }

    private static int detail(StopReason r) {
        return switch (r) {
            case BREAKPOINT, WATCHPOINT -> DebugEvent.BREAKPOINT;
            case STEP, GOTO, HISTORY_START, HISTORY_END -> DebugEvent.STEP_END;
            case PAUSE -> DebugEvent.CLIENT_REQUEST;
            default -> DebugEvent.UNSPECIFIED;
        };
    }

    /** Marks the target terminated; false if it already was. */
    boolean terminate() {
        if (terminated) {
            return false;
        }
        terminated = true;
        suspended = false;
        return true;
    }
}
