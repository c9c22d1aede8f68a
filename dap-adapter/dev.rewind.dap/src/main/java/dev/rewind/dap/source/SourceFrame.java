package dev.rewind.dap.source;

import dev.rewind.symbols.Backtrace;
import dev.rewind.symbols.info.FrameContext;

/** A frame unwound with call frame information: its backtrace, its level in it, the target it was read from. */
public record SourceFrame(Backtrace backtrace, int level, SessionTarget target) {

    /** The frame's view for evaluating variables and expressions. */
    public FrameContext context() {
        return FrameContext.of(backtrace, level, target);
    }

    /** The pc to look lines and scopes up with (pc - 1 in callers). */
    public long lookupPc() {
        return backtrace.frames().get(level).lookupPc();
    }
}
