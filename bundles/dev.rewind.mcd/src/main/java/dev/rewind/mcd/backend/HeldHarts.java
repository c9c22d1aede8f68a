package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;

/**
 * Which harts a run or step of the machine leaves stopped: a global one the harts set with {@code TimeTravel.hold}
 * (none by default), a non-global one (mcd_run_f, mcd_run_until_f, mcd_step_f with {@code global == false}) every
 * hart but the asking core's. The engine logs a change of the held set as an input of history. Thread-safe reads.
 */
final class HeldHarts {
    private final Engine engine;
    /** Harts that global runs and steps leave stopped; bit i = hart i. */
    private volatile long forGlobal;
    /** The harts held by the run in progress or the last run or step (reported DEBUG while the others run). */
    private volatile long now;

    HeldHarts(Engine engine) {
        this.engine = engine;
    }

    private long all() {
        int n = engine.harts();
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    /** Sets the harts global runs and steps leave stopped, from the next one on (bit i = hart i). */
    void setForGlobal(long mask) throws McdException {
        if ((mask & ~all()) != 0) {
            throw McdException.param(String.format("hold mask 0x%x names harts the %d-hart machine does not have",
                    mask, engine.harts()));
        }
        forGlobal = mask;
    }

    long forGlobal() {
        return forGlobal;
    }

    /**
     * Sets the engine's held harts for a run or step asked for by {@code byHart}'s core (machine stopped).
     * {@code stepping}: the asking hart must move.
     */
    void apply(int byHart, boolean global, boolean stepping) throws McdException {
        long mask = global || byHart < 0 ? forGlobal : all() & ~(1L << byHart);
        if (stepping && byHart >= 0 && (mask >>> byHart & 1) != 0) {
            throw new McdException(McdErrorCode.USAGE, "hart " + byHart + " is held (TimeTravel.hold): it cannot step");
        }
        engine.hold(mask);
        now = mask;
    }

    /** Whether the current (or last) run holds {@code hart}. */
    boolean holds(int hart) {
        return (now >>> hart & 1) != 0;
    }
}
