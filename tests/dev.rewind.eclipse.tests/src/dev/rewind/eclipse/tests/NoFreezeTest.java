package dev.rewind.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewind.debug.StopReason;
import dev.rewind.eclipse.core.breakpoints.RewindInstructionBreakpoint;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.ui.commands.ReverseJob;
import dev.rewind.symbols.Symbols;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A long reverse resume runs in a job: the UI thread stays free (its event loop answers within a bound while the
 * search runs), and cancelling the job (what the progress view's stop button does) pauses the session.
 */
class NoFreezeTest {

    static final Duration WAIT = Duration.ofSeconds(120);
    static final long LONG_HISTORY = 300_000_000L;
    static final long MAX_HISTORY = 5_000_000_000L;
    static final long RESPONSIVE_MS = 1_000;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aLongReverseResumeLeavesTheUiFreeAndIsCancelledThroughItsJob() throws Exception {
        Path elf = Ui.root().resolve("tests/guest/elf/bench-rv32.elf");
        long main = Symbols.load(elf).symbol("main").orElseThrow().value();
        Workbench.prepare();
        Workbench.removeBreakpoints();
        RewindDebugTarget target = Workbench.launch(Workbench.configuration("bench", elf, 1));
        try {
            Ui.waitFor("the entry stop", WAIT, target::isSuspended);
            RewindInstructionBreakpoint atMain = new RewindInstructionBreakpoint(Workbench.root(), main);
            Workbench.add(atMain);
            Ui.waitFor("the breakpoint installed", WAIT, () -> target.breakpointSync().installed(atMain));
            target.resume();
            Ui.waitFor("main reached", WAIT, () -> target.isSuspended() && target.lastStop().reason() == StopReason.BREAKPOINT);
            // a search that outlasts the UI checks: go further forward and search again while the last one was quicker
            ReverseJob job = null;
            long start = 0;
            for (long history = LONG_HISTORY; job == null; history *= 4) {
                CompletableFuture<?> far = target.stepper().goToTime(target.thread(0), history);
                Ui.waitFor("a long history", WAIT, () -> far.isDone() && target.isSuspended() && !target.busy());
                start = target.lastStop().time();
                assertTrue(start > history / 2, "a long history to search: t=" + start);
                ReverseJob attempt = new ReverseJob("Reverse resume", target,
                        () -> target.stepper().reverseResume(target.thread(0)));
                attempt.schedule();
                Ui.waitFor("the reverse search running", WAIT, () -> attempt.getResult() != null
                        || attempt.getState() == Job.RUNNING && target.busy());
                long worst = worstEventLoopLatency(Duration.ofMillis(300));
                assertTrue(worst < RESPONSIVE_MS, "the UI thread answered within " + RESPONSIVE_MS + " ms; worst " + worst);
                if (target.busy()) {
                    job = attempt;
                } else {
                    assertTrue(history < MAX_HISTORY, "a reverse search over " + history + " instructions took < 0.3 s");
                    Ui.waitFor("the quick search's job", WAIT, () -> attempt.getResult() != null);
                }
            }
            ReverseJob running = job;
            running.cancel();
            Ui.waitFor("the cancelled job", WAIT, () -> running.getResult() != null);
            assertEquals(IStatus.CANCEL, running.getResult().getSeverity(), running.getResult().toString());
            waitFor(target);
            assertEquals(StopReason.PAUSE, target.lastStop().reason(), "the pause ended the search");
            assertEquals(start, target.lastStop().time(), "a cancelled search stays where it started");
        } finally {
            Workbench.removeBreakpoints();
            target.terminate();
            Ui.waitFor("the session ended", WAIT, target::isTerminated);
        }
    }

    private static void waitFor(RewindDebugTarget target) {
        Ui.waitFor("the stop after the pause", WAIT, () -> target.isSuspended() && !target.busy());
    }

    /** Posts runnables to the UI thread for a while; the longest wait for one to run, in ms. */
    private static long worstEventLoopLatency(Duration during) {
        Display d = Ui.display();
        long end = System.nanoTime() + during.toNanos();
        long worst = 0;
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            long[] ran = {0};
            d.asyncExec(() -> ran[0] = System.nanoTime());
            Ui.waitFor("an asyncExec to run", Duration.ofSeconds(30), () -> ran[0] != 0);
            worst = Math.max(worst, (ran[0] - posted) / 1_000_000);
            Ui.spin(20);
        }
        return worst;
    }
}
