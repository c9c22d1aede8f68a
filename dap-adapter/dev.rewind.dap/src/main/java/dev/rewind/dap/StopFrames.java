package dev.rewind.dap;

import dev.rewind.debug.DebugSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import dev.rewind.dap.handlers.ScopesHandler;
import dev.rewind.dap.handlers.VariablesHandler;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.StackFrame;

/**
 * The frames of a hart at the current stop, as {@code stackTrace} hands them out (ids, names, source positions),
 * kept in the {@link Handles} answers: a client asking again gets the same frames, and the stopping hart's frames are
 * unwound as the stop is announced ({@link #prefetch}), with the top frame's scopes and Locals, on the session's thread
 * while the client reads the {@code stopped} event, so its {@code stackTrace}, {@code scopes} and {@code variables}
 * find them ready instead of waiting for that thread.
 */
public final class StopFrames {

    /** The most frames handed out. */
    public static final int MAX_FRAMES = 256;
    /** At least the frames a client shows at once: VS Code asks for the top one, then for the next 19. */
    private static final int UNWIND_AT_LEAST = 20;

    /** The frames unwound: {@code complete} when the unwinding ended before its limit. */
    public record Answer(List<StackFrame> frames, boolean complete) {
    }

    private final DapContext context;

    public StopFrames(DapContext context) {
        this.context = context;
    }

    private static String key(int hart) {
        return "stackTrace " + hart;
    }

    /** At least the first {@code max} frames of {@code hart} (fewer when it has fewer). */
    public Answer frames(int hart, int max) {
        Object kept = context.handles().answer(key(hart), Object.class);
        Answer answer = kept instanceof Answer a ? a : null;
        if (kept instanceof CompletableFuture<?> pending) {
            try {
                answer = (Answer) context.await(pending);
            } catch (RuntimeException e) {
                answer = null; // the prefetch failed: unwind again below, which reports the failure to the client
            }
        }
        if (answer == null || (!answer.complete() && answer.frames().size() < max)) {
            long generation = context.handles().generation();
            int depth = Math.min(MAX_FRAMES, Math.max(max, UNWIND_AT_LEAST));
            answer = context.inspecting(hart, () -> unwind(hart, depth));
            context.handles().keep(key(hart), generation, answer);
        }
        return answer;
    }

    /** Starts unwinding {@code hart} for the stop just reached; returns at once. */
    public void prefetch(DebugSession session, int hart) {
        long generation = context.handles().generation();
        CompletableFuture<Answer> pending = context.inspection().run(session, hart, () -> {
            Answer a = unwind(hart, UNWIND_AT_LEAST);
            prefetchLocals(a, generation);
            return a;
        });
        context.handles().keep(key(hart), generation, pending);
        pending.whenComplete((done, failed) -> context.handles().replace(key(hart), pending, failed == null ? done : null));
    }

    /**
     * The top frame's scopes and Locals, what a client shows next (VS Code expands the scopes not marked expensive);
     * run where the frames were unwound, with the hart readable directly. Failures are left to the requests.
     */
    private void prefetchLocals(Answer answer, long generation) {
        if (answer.frames().isEmpty()) {
            return;
        }
        int frameId = answer.frames().get(0).getId();
        Frame top = context.handles().get(frameId, Frame.class);
        if (top == null || !(top.unwound() instanceof dev.rewind.dap.source.SourceFrame)) {
            return;
        }
        try {
            ScopesResponse scopes = new ScopesHandler(context).scopes(top);
            context.handles().keep(ScopesHandler.key(frameId), generation, scopes);
            int locals = scopes.getScopes()[0].getVariablesReference();
            VariableContainer c = context.handles().get(locals, VariableContainer.class);
            if (c != null) {
                context.handles().keep(VariablesHandler.key(locals), generation, List.copyOf(c.variables(context)));
            }
        } catch (RuntimeException e) {
            System.err.println("rewind dap: reading the locals at the stop failed (asked again on request): " + e);
        }
    }

    private Answer unwind(int hart, int max) {
        List<Frame> frames = context.unwinder().frames(context, hart, max);
        List<StackFrame> out = new ArrayList<>();
        for (Frame f : frames) {
            StackFrame sf = new StackFrame();
            sf.setId(context.handles().put(f));
            sf.setName(name(f));
            sf.setInstructionPointerReference(Addresses.hex(f.pc()));
            context.lines().placeFrame(context, sf, f);
            out.add(sf);
        }
        return new Answer(List.copyOf(out), frames.size() < max);
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
}
