package dev.rewind.symbols.info;

import dev.rewind.symbols.TargetAccess;
import java.util.OptionalLong;

/**
 * One stack frame to evaluate locations in: the target seen from that frame (its registers as unwound), its pc,
 * and its canonical frame address when the unwinder knows it (DW_OP_call_frame_cfa, and so DW_OP_fbreg under the
 * usual frame base, need it).
 */
public record Frame(TargetAccess target, long pc, OptionalLong cfa) {

    /** The innermost frame of a stopped target, without a known CFA. */
    public static Frame innermost(TargetAccess target) throws TargetAccess.AccessException {
        return new Frame(target, target.pc(), OptionalLong.empty());
    }

    public Frame withCfa(long value) {
        return new Frame(target, pc, OptionalLong.of(value));
    }
}
