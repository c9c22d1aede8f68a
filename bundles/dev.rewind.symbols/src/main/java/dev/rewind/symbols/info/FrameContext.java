package dev.rewind.symbols.info;

import dev.rewind.symbols.TargetAccess;
import java.util.OptionalLong;

/**
 * One stack frame to evaluate locations in: the target seen from that frame (its registers as unwound), its pc,
 * and its canonical frame address when the unwinder knows it (DW_OP_call_frame_cfa, and so DW_OP_fbreg under the
 * usual frame base, need it).
 */
public record FrameContext(TargetAccess target, long pc, OptionalLong cfa) {

    /** The innermost frame of a stopped target, without a known CFA. */
    public static FrameContext innermost(TargetAccess target) throws TargetAccess.AccessException {
        return new FrameContext(target, target.pc(), OptionalLong.empty());
    }

    /**
     * The context of an unwound frame: its registers, its lookup pc (pc - 1 in outer frames, so that the call's
     * scope and location-list entry apply) and its CFA.
     */
    public static FrameContext of(dev.rewind.symbols.Frame frame, TargetAccess target) {
        return new FrameContext(frame.access(target), frame.lookupPc(), OptionalLong.of(frame.cfa()));
    }

    public FrameContext withCfa(long value) {
        return new FrameContext(target, pc, OptionalLong.of(value));
    }
}
