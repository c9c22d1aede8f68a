package dev.rewind.gdb;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Register;
import dev.rewind.debug.RunScope;
import dev.rewind.debug.Stop;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Run control: {@code vCont} ({@code c C s S r}), the legacy {@code c C s S}, and reverse {@code bs bc}. The
 * machine is all-stop. {@code vCont} moves the threads it gives an action (the leftmost action that names a
 * thread, else the default action without a thread, applies): a step of one hart lets the others with an action
 * run as the schedule runs them, and the threads without one stay stopped (held: what gdb's
 * {@code set scheduler-locking on|step} sends, e.g. {@code vCont;s:2} or {@code vCont;c:2}, while
 * {@code vCont;s:2;c} runs every hart). The stop reply is all-stop as always. Signals given with
 * {@code C}/{@code S} are ignored: a bare-metal guest has none. Reverse steps and continues move through recorded
 * history, held harts as they were held then.
 * <p>
 * A step of a hart (forwards, backwards, over a range) queues a read of that hart's registers right behind it
 * on the session's executor, so the stop reply carries them (expedited) without a second round trip to the
 * session. Confined to the connection's thread.
 */
final class RunCommands {
    private final DebugSession session;
    private final List<Register> gRegisters;
    private Prefetch prefetch;

    /** The registers of {@code hart} as the executor read them just after the step that was queued before. */
    private record Prefetch(int hart, CompletableFuture<long[]> registers) {
    }

    RunCommands(DebugSession session, List<Register> gRegisters) {
        this.session = session;
        this.gRegisters = gRegisters;
    }

    /**
     * The registers read right after the run that just completed, when it was a step of {@code hart}; null
     * otherwise (read them afresh). Consumed: a later write makes them stale.
     */
    CompletableFuture<long[]> takeRegisters(int hart) {
        Prefetch p = prefetch;
        prefetch = null;
        return p != null && p.hart() == hart ? p.registers() : null;
    }

    private CompletableFuture<Stop> thenRegisters(int hart, CompletableFuture<Stop> step) {
        prefetch = new Prefetch(hart, session.readRegisters(hart, gRegisters));
        return step;
    }

    /**
     * {@code vCont;action[:thread]...}; {@code defaultHart} steps when a step action names no thread. Threads that
     * no action applies to are held while the others move.
     */
    CompletableFuture<Stop> vCont(String actions, int defaultHart, int harts) {
        VContActions a = VContActions.parse(actions, defaultHart, harts);
        RunScope scope = a.scope();
        if (a.stepHart() >= 0) {
            int hart = a.stepHart();
            if (a.range() != null) {
                return thenRegisters(hart, session.stepRange(hart, a.range()[0], a.range()[1], false, scope));
            }
            return thenRegisters(hart, session.stepInstruction(hart, 1, scope));
        }
        return resume(scope);
    }

    CompletableFuture<Stop> step(int hart) {
        return thenRegisters(hart, session.stepInstruction(hart, 1));
    }

    /** Runs forward; completes at the next stop, or exceptionally when the machine could not start. */
    CompletableFuture<Stop> resume() {
        return resume(RunScope.ALL);
    }

    /** {@link #resume()} with only the harts of {@code scope} running. */
    CompletableFuture<Stop> resume(RunScope scope) {
        prefetch = null;
        CompletableFuture<Stop> result = new CompletableFuture<>();
        session.nextStop().whenComplete((stop, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(stop);
            }
        });
        session.resume(scope).whenComplete((v, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    CompletableFuture<Stop> reverseStep(int hart) {
        return thenRegisters(hart, session.stepBackInstruction(hart, 1));
    }

    CompletableFuture<Stop> reverseContinue() {
        prefetch = null;
        return session.reverseContinue();
    }
}
