package dev.rewind.eclipse.tests;

import dev.rewind.debug.Breakpoint;
import dev.rewind.debug.Stop;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.core.model.RewindStackFrame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.ui.PlatformUI;

/**
 * A Rewind debug target as the tests see it: its last stop, bounded waits for the next, its breakpoints in the session,
 * the top frame of a hart, and its state in words for a failure message.
 */
final class TargetProbe {
    static final Duration WAIT = Duration.ofSeconds(60);

    final RewindDebugTarget target;

    TargetProbe(RewindDebugTarget target) {
        this.target = target;
    }

    Stop stop() {
        return target.lastStop();
    }

    /** Waits until the target is suspended with no request in flight. */
    void waitForStop(String what) {
        Ui.waitFor(what, WAIT, () -> target.isSuspended() && !target.busy(), this::state);
    }

    String state() {
        return "suspended " + target.isSuspended() + ", busy " + target.busy() + ", session running "
                + target.session().running() + ", target's last stop " + stop() + ", session's "
                + target.session().lastStop();
    }

    List<Breakpoint> sessionBreakpoints() {
        try {
            return target.session().breakpoints().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("listing the session's breakpoints", e);
        }
    }

    boolean sessionHas(Predicate<Breakpoint> which) {
        return sessionBreakpoints().stream().anyMatch(which);
    }

    RewindStackFrame top(int hart) throws Exception {
        return (RewindStackFrame) target.thread(hart).getTopStackFrame();
    }

    int topLine(int hart) throws Exception {
        return top(hart).getLineNumber();
    }

    String topFunction(int hart) throws Exception {
        return top(hart).info().function();
    }

    /** Ends the session and waits for the target to terminate. */
    void end() {
        target.terminate();
        Ui.waitFor("the session ended", WAIT, target::isTerminated);
    }

    /** A screenshot of the workbench window. */
    static void screenshot(String name) throws Exception {
        Ui.screenshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), name);
    }
}
