package dev.rewind.gdb;

/**
 * Which hart gdb means when it resumes "every thread": reverse execution goes as {@code Hc0} then {@code bs} or
 * {@code bc} (gdb has no reverse {@code vCont} action), so the packet names no thread, yet gdb steps its selected
 * thread and expects the stop there. The stub follows what gdb's packets reveal of its selection:
 * <ul>
 * <li>a stop reply selects its thread (gdb switches to the thread that stopped);</li>
 * <li>{@code T N} selects N: gdb checks that a thread is alive when the user selects it ({@code thread N},
 * MI {@code -thread-select}); a run of {@code T} packets over every thread in order is {@code thread apply all}
 * visiting them, after which gdb goes back to the thread selected before it, so that run changes nothing;</li>
 * <li>{@code Hg N} followed by nothing but memory accesses and breakpoint packets up to the resume is gdb
 * reading its selected thread's frame just before stepping it (the general thread is otherwise no guide: gdb
 * leaves it wherever it last read registers, e.g. after {@code info threads});</li>
 * <li>{@code Hc N} with a thread ({@code set scheduler-locking step} or {@code on}) names it outright.</li>
 * </ul>
 * Confined to the connection's thread.
 */
final class Selection {
    private final int harts;
    private int selected;
    /** The last {@code T} packets since the last stop (a ring of {@code harts}), and the selection before each. */
    private final int[] visits;
    private final int[] before;
    private int visited;
    /** The hart of an {@code Hg} with only memory and breakpoint packets after it, or -1. */
    private int frameRead = -1;
    private int continueHart = -1;

    Selection(int harts, int stopHart) {
        this.harts = harts;
        this.selected = stopHart;
        this.visits = new int[harts];
        this.before = new int[harts];
    }

    void stopped(int hart) {
        selected = hart;
        visited = 0;
        frameRead = -1;
    }

    /** {@code T N} for a hart (gdb's "is it alive" check). */
    void alive(int hart) {
        frameRead = -1;
        visits[visited % harts] = hart;
        before[visited % harts] = selected;
        visited++;
        selected = hart;
        if (harts > 1 && visited >= harts && lastVisitsInOrder()) {
            selected = before[(visited - harts) % harts]; // thread apply all: gdb restores the thread it had
            visited = 0;
        }
    }

    /** Whether the last {@code harts} visits went over every hart in ascending or descending order. */
    private boolean lastVisitsInOrder() {
        int first = visits[(visited - harts) % harts];
        int step = visits[(visited - harts + 1) % harts] - first;
        if (step != 1 && step != -1) {
            return false;
        }
        for (int i = 1; i < harts; i++) {
            if (visits[(visited - harts + i) % harts] != first + i * step) {
                return false;
            }
        }
        return true;
    }

    /** {@code Hg}: a hart, or -1 for "any"/"all". */
    void general(int hart) {
        frameRead = hart;
    }

    /** {@code Hc}: a hart, or -1 for "any"/"all". */
    void forContinue(int hart) {
        continueHart = hart;
    }

    /** A packet other than memory accesses, breakpoints and {@code H}: an {@code Hg} before it was no frame read. */
    void otherPacket() {
        frameRead = -1;
    }

    /** The hart a resume without a thread of its own steps. */
    int runHart() {
        if (continueHart >= 0) {
            return continueHart;
        }
        return frameRead >= 0 ? frameRead : selected;
    }
}
