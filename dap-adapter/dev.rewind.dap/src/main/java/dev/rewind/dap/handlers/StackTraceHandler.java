package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.DapContext;
import dev.rewind.dap.Frame;
import java.util.List;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;

/** {@code stackTrace}: the frames of a hart with their pc as instruction pointer reference and source position. */
public final class StackTraceHandler {

    private static final int MAX_FRAMES = 256;

    private final DapContext context;

    public StackTraceHandler(DapContext context) {
        this.context = context;
    }

    private String name(Frame f) {
        long lookup = f.unwound() instanceof dev.rewind.dap.source.SourceFrame s ? s.lookupPc() : f.pc();
        if (context.sourceInfo() != null) {
            var fn = context.sourceInfo().functionAt(lookup);
            if (fn.isPresent() && fn.get().name() != null) {
                return fn.get().name();
            }
        }
        return context.symbols().describe(lookup).orElse(Addresses.hex(f.pc()));
    }

    public StackTraceResponse handle(StackTraceArguments args) {
        context.stoppedSession();
        int hart = context.hart(args.getThreadId());
        int start = args.getStartFrame() == null ? 0 : Math.max(0, args.getStartFrame());
        int levels = args.getLevels() == null || args.getLevels() <= 0 ? MAX_FRAMES : args.getLevels();
        int max = Math.min(MAX_FRAMES, start + levels);
        List<Frame> frames = context.inspecting(hart, () -> context.unwinder().frames(context, hart, max));
        int end = Math.min(frames.size(), start + levels);
        StackFrame[] out = new StackFrame[Math.max(0, end - start)];
        for (int i = start; i < end; i++) {
            Frame f = frames.get(i);
            StackFrame sf = new StackFrame();
            sf.setId(context.handles().put(f));
            sf.setName(name(f));
            sf.setInstructionPointerReference(Addresses.hex(f.pc()));
            context.lines().placeFrame(context, sf, f);
            out[i - start] = sf;
        }
        StackTraceResponse r = new StackTraceResponse();
        r.setStackFrames(out);
        // all of them when the unwinding ended before the limit; else unknown (omitted), so a client that asked for
        // the top frame first (supportsDelayedStackTraceLoading) asks for more
        r.setTotalFrames(frames.size() < max ? frames.size() : null);
        return r;
    }
}
