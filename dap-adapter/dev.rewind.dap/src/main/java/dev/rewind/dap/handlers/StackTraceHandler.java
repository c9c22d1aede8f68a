package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.StopFrames;
import java.util.List;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;

/**
 * {@code stackTrace}: the frames of a hart with their pc as instruction pointer reference and source position; the
 * same frames (and ids) for every request at one stop ({@link StopFrames}).
 */
public final class StackTraceHandler {

    private final DapContext context;

    public StackTraceHandler(DapContext context) {
        this.context = context;
    }

    public StackTraceResponse handle(StackTraceArguments args) {
        context.stoppedSession();
        int hart = context.hart(args.getThreadId());
        int start = args.getStartFrame() == null ? 0 : Math.max(0, args.getStartFrame());
        int levels = args.getLevels() == null || args.getLevels() <= 0 ? StopFrames.MAX_FRAMES : args.getLevels();
        int max = Math.min(StopFrames.MAX_FRAMES, start + levels);
        StopFrames.Answer answer = context.stopFrames().frames(hart, max);
        if (start == 0 && context.takeUnsaidTravel()) {
            // the time travel's invalidated event goes right after this answer (StopEvents says why)
            context.afterResponse("stackTrace", () -> dev.rewind.dap.StopEvents.invalidated(context));
        }
        List<StackFrame> frames = answer.frames();
        int end = Math.min(frames.size(), start + levels);
        StackTraceResponse r = new StackTraceResponse();
        r.setStackFrames(frames.subList(Math.min(start, end), end).toArray(new StackFrame[0]));
        // all of them when the unwinding ended before the limit; else unknown (omitted), so a client that asked for
        // the top frame first (supportsDelayedStackTraceLoading) asks for more
        r.setTotalFrames(answer.complete() ? frames.size() : null);
        return r;
    }
}
