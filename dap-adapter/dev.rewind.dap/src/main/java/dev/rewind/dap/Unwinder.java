package dev.rewind.dap;

import java.util.List;

/** Finds the frames of a stopped hart, innermost first. */
public interface Unwinder {

    /** At most {@code max} frames of {@code hart}. */
    List<Frame> frames(DapContext context, int hart, int max);
}
