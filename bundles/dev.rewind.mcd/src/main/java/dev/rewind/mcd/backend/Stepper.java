package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.backend.StopState.StopRecord;

/**
 * mcd_step_f over a machine whose harts share one clock.
 *
 * The step ends when this core's hart has retired {@code n} more instructions. A global step
 * advances the whole machine by its schedule: the other harts (but those held with
 * {@code TimeTravel.hold}) advance as the scheduler runs them meanwhile (nothing, or up to a quantum
 * each). A non-global step ({@code global == false}, as mcd_api.h defines it) moves this core's hart
 * alone: the other harts are held and do not change. {@code global} also decides who is told about
 * the stop (see {@link StopState}).
 *
 * A CYCLES step advances virtual time (one cycle = one instruction slot of the scheduler) by
 * {@code n}, with the same harts taking part.
 *
 * <p>A trigger hit on the way ends the step (the machine stops there); a hit that does not fire for
 * the hart that caused it (another core's trigger) is passed over transparently, and does not count
 * as a step. A hart asleep in {@code wfi} counts a step after the engine's sleep budget.
 */
final class Stepper {
    private Stepper() {
    }

    /** Advances virtual time by {@code n} (a CYCLES step). */
    static StopRecord cycles(Target t, int hart, long n, boolean global) throws McdException {
        check(t);
        return t.paused(() -> {
            t.held.apply(hart, global, false);
            long goal = t.engine.time() + n;
            while (t.engine.time() < goal) {
                Engine.Stop s = t.engine.runUntilTime(goal);
                if (s.kind() != Engine.Kind.TIME && s.kind() != Engine.Kind.LIMIT) {
                    StopRecord r = t.evaluateSync(s);
                    if (r != null) {
                        return r;
                    }
                }
            }
            return new StopRecord(hart, "cycle step done");
        });
    }

    private static void check(Target t) throws McdException {
        if (t.running()) {
            throw new McdException(McdErrorCode.USAGE, "the core is running; stop it before stepping");
        }
        if (t.lastStop().exited()) {
            throw new McdException(McdErrorCode.GENERAL, "the program has exited");
        }
    }

    /** Runs with the machine paused; returns the stop to report. */
    static StopRecord step(Target t, int hart, long n, boolean global) throws McdException {
        check(t);
        return t.paused(() -> {
            t.held.apply(hart, global, true);
            long goal = t.engine.retired(hart) + n;
            long done = 0;
            while (done < n && t.engine.retired(hart) < goal) {
                Engine.Stop s = t.engine.stepHart(hart);
                if (s.kind() == Engine.Kind.STEP || s.kind() == Engine.Kind.LIMIT) {
                    done++;
                    continue;
                }
                StopRecord r = t.evaluateSync(s);
                if (r != null) {
                    return r;
                }
            }
            return new StopRecord(hart, "step done");
        });
    }
}
