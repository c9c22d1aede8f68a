package dev.rewind.eclipse.core.model;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.debug.core.DebugEvent;

/**
 * Source-line and instruction stepping of one hart, forward and back, composed from the session's range
 * stepping; every method returns at once and completes on the session's executor.
 */
public final class Stepper {

    private final RewindDebugTarget target;

    Stepper(RewindDebugTarget target) {
        this.target = target;
    }

    private DebugSession session() {
        return target.session();
    }

    private CompletableFuture<Long> pc(int hart) {
        return session().readRegister(hart, session().register("pc"));
    }

    private Optional<long[]> lineRange(long pc) {
        return target.symbolsIfAny().flatMap(s -> s.lineAt(pc)).filter(l -> l.line() > 0)
                .map(l -> new long[] {l.lo(), l.hi()});
    }

    /** Step over the current line (calls run to their return), or one instruction without line information. */
    public CompletableFuture<Stop> stepOver(RewindThread t) {
        int h = t.hart();
        return target.run(t, DebugEvent.STEP_OVER, "step over", () -> pc(h).thenCompose(pc -> lineRange(pc)
                .map(r -> session().stepRange(h, r[0], r[1], true)).orElseGet(() -> session().stepInstruction(h, 1))));
    }

    /** Step into calls made from the current line. */
    public CompletableFuture<Stop> stepInto(RewindThread t) {
        int h = t.hart();
        return target.run(t, DebugEvent.STEP_INTO, "step into", () -> pc(h).thenCompose(pc -> lineRange(pc)
                .map(r -> session().stepRange(h, r[0], r[1], false)).orElseGet(() -> session().stepInstruction(h, 1))));
    }

    /** Step out to the caller (by the unwound frames; without them by ra and sp). */
    public CompletableFuture<Stop> stepReturn(RewindThread t) throws org.eclipse.debug.core.DebugException {
        int h = t.hart();
        FrameInspector fi = target.inspector();
        return target.run(t, DebugEvent.STEP_RETURN, "step return", () -> session().inspect(h, fi::frames)
                .thenCompose(frames -> {
                    if (frames.size() >= 2 && frames.get(0).cfa() >= 0) {
                        return session().stepOut(h, frames.get(1).pc(), frames.get(0).cfa());
                    }
                    return session().readRegisters(h, java.util.List.of(session().register("ra"),
                            session().register("sp"))).thenCompose(v -> session().stepOut(h, v[0], v[1]));
                }));
    }

    /**
     * Step back over a source line: from the middle of a line (after a call returned into it) back to its start;
     * from the start of a line back to the start of the line executed before it, stepping back over a call that
     * returned into the line (gdb's reverse-next). One instruction without lines.
     */
    public CompletableFuture<Stop> stepBack(RewindThread t) {
        int h = t.hart();
        return target.run(t, DebugEvent.STEP_OVER, "step back", () -> session().readRegisters(h,
                java.util.List.of(session().register("pc"), session().register("sp"))).thenCompose(v -> {
                    long pc = v[0];
                    Optional<long[]> range = lineRange(pc);
                    if (range.isEmpty()) {
                        return session().stepBackInstruction(h, 1);
                    }
                    if (pc != range.get()[0]) {
                        return toLineStart(h, range.get());
                    }
                    return session().stepBackRange(h, range.get()[0], range.get()[1], true).thenCompose(out -> {
                        if (out.reason() != StopReason.STEP) {
                            return done(out);
                        }
                        if (!sameFunction(out.pc(), pc)) {
                            // a call made by the previous line returned into this one: back to the call, then its line's start
                            return callSite(pc).thenCompose(site -> site < 0 ? done(out)
                                    : session().stepBackOut(h, site, v[1]).thenCompose(atCall ->
                                            atCall.reason() != StopReason.STEP ? done(atCall) : startOfLine(h, atCall)));
                        }
                        return startOfLine(h, out);
                    });
                }));
    }

    /** From a stop inside a line to the line's first instruction. */
    private CompletableFuture<Stop> startOfLine(int h, Stop at) {
        Optional<long[]> r = lineRange(at.pc());
        return r.isEmpty() || r.get()[0] == at.pc() ? done(at) : toLineStart(h, r.get());
    }

    private CompletableFuture<Stop> toLineStart(int h, long[] range) {
        return session().stepBackRange(h, range[0], range[1], true).thenCompose(back ->
                back.reason() != StopReason.STEP ? done(back) : session().stepInstruction(h, 1));
    }

    private boolean sameFunction(long a, long b) {
        return target.symbolsIfAny().map(s -> s.symbolAt(a).map(x -> x.value()).equals(s.symbolAt(b).map(x -> x.value())))
                .orElse(true);
    }

    /** The call instruction that returns to {@code returnAddress} (4 or 2 bytes before it), or -1. */
    private CompletableFuture<Long> callSite(long returnAddress) {
        return session().disassemble(returnAddress - 4, 1).thenCombine(session().disassemble(returnAddress - 2, 1),
                (four, two) -> isCall(four, 4) ? returnAddress - 4 : isCall(two, 2) ? returnAddress - 2 : -1L);
    }

    private static boolean isCall(java.util.List<dev.rewind.debug.Instruction> one, int length) {
        if (one.isEmpty() || one.get(0).bytes().length != length) {
            return false;
        }
        String text = one.get(0).text().trim();
        return text.matches("(c\\.)?jalr?\\b.*") && !text.matches("(c\\.)?jalr?\\s+(zero|x0)\\b.*");
    }

    private static CompletableFuture<Stop> done(Stop s) {
        return CompletableFuture.completedFuture(s);
    }

    /** Backwards to the latest earlier breakpoint or watchpoint hit (or the start of history). */
    public CompletableFuture<Stop> reverseResume(RewindThread t) {
        return target.run(t, DebugEvent.CLIENT_REQUEST, "reverse resume", () -> session().reverseContinue());
    }

    /** Back to just after the last store into {@code [address, address + length)}. */
    public CompletableFuture<Stop> reverseToLastWrite(RewindThread t, long address, long length) {
        return target.run(t, DebugEvent.CLIENT_REQUEST, "reverse to last write",
                () -> session().reverseToLastWrite(address, length));
    }

    /** Goes to a bookmark or a time. */
    public CompletableFuture<Stop> goToBookmark(RewindThread t, String name) {
        return target.run(t, DebugEvent.CLIENT_REQUEST, "go to bookmark", () -> session().goToBookmark(name));
    }

    public CompletableFuture<Stop> goToTime(RewindThread t, long time) {
        return target.run(t, DebugEvent.CLIENT_REQUEST, "go to time", () -> session().goToTime(time));
    }
}
