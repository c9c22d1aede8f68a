package dev.rewind.symbols.info;

import dev.rewind.symbols.Backtrace;
import dev.rewind.symbols.TargetAccess;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * One stack frame to evaluate locations in: the target seen from that frame (its registers as unwound), its pc
 * (for an outer frame the pc inside the call, return address - 1), its canonical frame address when known
 * (DW_OP_call_frame_cfa, and so DW_OP_fbreg under the usual frame base, need it), and its caller when known
 * (DW_OP_entry_value is answered from the caller's call site).
 */
public record FrameContext(TargetAccess target, long pc, OptionalLong cfa, Supplier<Optional<FrameContext>> caller) {

    public FrameContext(TargetAccess target, long pc, OptionalLong cfa) {
        this(target, pc, cfa, Optional::empty);
    }

    /** The innermost frame of a stopped target, without a known CFA or caller. */
    public static FrameContext innermost(TargetAccess target) throws TargetAccess.AccessException {
        return new FrameContext(target, target.pc(), OptionalLong.empty());
    }

    /** An unwound frame without its caller: its registers, lookup pc and CFA. */
    public static FrameContext of(dev.rewind.symbols.Frame frame, TargetAccess target) {
        return new FrameContext(frame.access(target), frame.lookupPc(), OptionalLong.of(frame.cfa()));
    }

    /** Frame {@code level} of a backtrace, with the frames outside it as callers. */
    public static FrameContext of(Backtrace bt, int level, TargetAccess target) {
        dev.rewind.symbols.Frame f = bt.frames().get(level);
        return new FrameContext(f.access(target), f.lookupPc(), OptionalLong.of(f.cfa()),
                () -> level + 1 < bt.frames().size() ? Optional.of(of(bt, level + 1, target)) : Optional.empty());
    }

    public FrameContext withCfa(long value) {
        return new FrameContext(target, pc, OptionalLong.of(value), caller);
    }
}
