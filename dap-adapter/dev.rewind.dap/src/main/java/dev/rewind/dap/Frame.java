package dev.rewind.dap;

/**
 * A stack frame handed out by {@code stackTrace}: its hart, its level (0 = innermost), the pc in it, its
 * stack pointer and canonical frame address (CFA; -1 when unknown) and, for the frames of callers, the
 * return address (-1 for the innermost frame). {@code unwound} is the source-level view (a
 * {@code dev.rewind.dap.source.SourceFrame}) when the program has call frame information, else null.
 */
public record Frame(int hart, int level, long pc, long sp, long cfa, long returnAddress, Object unwound) {

    public Frame(int hart, int level, long pc, long sp, long cfa, long returnAddress) {
        this(hart, level, pc, sp, cfa, returnAddress, null);
    }
}
