package dev.rewind.debug;

import java.util.Collection;

/**
 * Which harts move while a forward run or step goes on: every hart (all-stop, {@link #ALL}, the default), or only
 * some, the others held where they are (DAP {@code singleThread}, gdb's {@code set scheduler-locking on}, MCD's
 * {@code global=false}). A held hart retires nothing and keeps its registers; devices and virtual time go on.
 *
 * <p>The held set is part of the machine's history: a run whose set differs from the one in effect logs the change
 * with its virtual time (recordings replay it), and in the past starts a new future, as a register write there does
 * (an {@code Invalidated} event says so). A run in history with the set history has there replays history, and so
 * also the later changes of the held set recorded in it, should the run get that far. Reverse execution is not scoped: history is fixed, so stepping back or
 * continuing backwards moves through the recorded timeline, held harts as they were held then.
 *
 * @param harts  the harts that run, bit i = hart i; 0 means every hart
 * @param asHeld the harts held now stay held and the others run ({@link #AS_HELD}; {@code harts} is then 0)
 */
public record RunScope(long harts, boolean asHeld) {

    /** Every hart runs. */
    public static final RunScope ALL = new RunScope(0);

    /**
     * The harts held now stay held, the others run: in history, the held set history has there, so the step replays
     * history without changing it (e.g. the forward instruction that ends a reverse step over a line).
     */
    public static final RunScope AS_HELD = new RunScope(0, true);

    public RunScope {
        if (asHeld && harts != 0) {
            throw new IllegalArgumentException("a scope that keeps the held harts names no harts");
        }
    }

    /** The harts of {@code harts} run (bit i = hart i; 0: every hart). */
    public RunScope(long harts) {
        this(harts, false);
    }

    /** Only {@code hart} runs; the others are held. */
    public static RunScope only(int hart) {
        check(hart);
        return new RunScope(1L << hart);
    }

    /** Only these harts run (an empty collection: every hart). */
    public static RunScope of(Collection<Integer> harts) {
        long m = 0;
        for (int h : harts) {
            check(h);
            m |= 1L << h;
        }
        return new RunScope(m);
    }

    private static void check(int hart) {
        if (hart < 0 || hart > 63) {
            throw new IllegalArgumentException("no hart " + hart);
        }
    }

    /** Whether every hart runs. */
    public boolean isAll() {
        return harts == 0 && !asHeld;
    }

    /** Whether {@code hart} runs. */
    public boolean includes(int hart) {
        return harts == 0 || (harts >>> hart & 1) != 0;
    }

    /** The single hart that runs, or -1 when several (or all) do. */
    public int single() {
        return Long.bitCount(harts) == 1 ? Long.numberOfTrailingZeros(harts) : -1;
    }

    /** The harts held on a machine of {@code count} harts (bit i = hart i; for {@link #AS_HELD}: none named). */
    public long held(int count) {
        long all = count >= 64 ? -1L : (1L << count) - 1;
        return harts == 0 ? 0 : all & ~harts;
    }

    @Override
    public String toString() {
        if (asHeld) {
            return "the harts not held now";
        }
        if (isAll()) {
            return "all harts";
        }
        StringBuilder b = new StringBuilder("only hart");
        b.append(Long.bitCount(harts) == 1 ? " " : "s ");
        String sep = "";
        for (int i = 0; i < 64; i++) {
            if ((harts >>> i & 1) != 0) {
                b.append(sep).append(i);
                sep = ", ";
            }
        }
        return b.toString();
    }
}
