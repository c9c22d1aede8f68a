package dev.rewind.dap;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Instruction;
import dev.rewind.debug.RunScope;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.SteppingGranularity;

/**
 * Stepping of one hart at instruction or line granularity, forward and back, on the session's range stepping.
 * The machine is all-stop: the other harts move as the schedule runs them, unless the request asked for
 * {@code singleThread} (a {@link RunScope} of the stepped hart alone: the others are held). Stepping back moves
 * through recorded history, whatever {@code singleThread} says.
 */
public final class Stepping {

    private final DapContext context;

    public Stepping(DapContext context) {
        this.context = context;
    }

    /** Line granularity unless the client asked for instructions (or there is no line info at the pc). */
    private Optional<long[]> lineRange(SteppingGranularity g, long pc) {
        return g == SteppingGranularity.INSTRUCTION ? Optional.empty() : context.lines().lineRange(pc);
    }

    private long pc(DebugSession s, int hart) {
        return context.await(s.readRegister(hart, s.register("pc")));
    }

    private int length(DebugSession s, long pc) {
        List<Instruction> one = context.await(s.disassemble(pc, 1));
        return one.isEmpty() || one.get(0).bytes().length == 0 ? 4 : one.get(0).bytes().length;
    }

    /** Step over: the current line (or instruction), calls made from it run to their return. */
    public CompletableFuture<Stop> next(int hart, SteppingGranularity g, RunScope scope) {
        DebugSession s = context.stoppedSession();
        long pc = pc(s, hart);
        long[] range = lineRange(g, pc).orElseGet(() -> new long[] {pc, pc + length(s, pc)});
        return s.stepRange(hart, range[0], range[1], true, scope);
    }

    /** The scope of a DAP request: its hart alone when {@code singleThread} is true, else every hart. */
    public static RunScope scope(Boolean singleThread, int hart) {
        return Boolean.TRUE.equals(singleThread) ? RunScope.only(hart) : RunScope.ALL;
    }

    /** Step in: the current line into calls, or one instruction. */
    public CompletableFuture<Stop> stepIn(int hart, SteppingGranularity g, RunScope scope) {
        DebugSession s = context.stoppedSession();
        long pc = pc(s, hart);
        Optional<long[]> range = lineRange(g, pc);
        return range.isPresent() ? s.stepRange(hart, range.get()[0], range.get()[1], false, scope)
                : s.stepInstruction(hart, 1, scope);
    }

    /** Step out: to the return into the caller (CFI frames; without them, ra and sp). */
    public CompletableFuture<Stop> stepOut(int hart, RunScope scope) {
        DebugSession s = context.stoppedSession();
        List<Frame> frames = context.unwinder().frames(context, hart, 2);
        if (frames.size() >= 2 && frames.get(0).cfa() >= 0) {
            return s.stepOut(hart, frames.get(1).pc(), frames.get(0).cfa(), scope);
        }
        long[] v = context.await(s.readRegisters(hart, List.of(s.register("ra"), s.register("sp"))));
        return s.stepOut(hart, v[0], v[1], scope);
    }

    /**
     * Step back: one instruction; or by line: from the middle of a line (after a call returned into it) back to
     * its start, from the start of a line back to the start of the line executed before it.
     */
    public CompletableFuture<Stop> stepBack(int hart, SteppingGranularity g) {
        DebugSession s = context.stoppedSession();
        long pc = pc(s, hart);
        Optional<long[]> range = lineRange(g, pc);
        if (range.isEmpty()) {
            return s.stepBackInstruction(hart, 1);
        }
        boolean midLine = pc != range.get()[0];
        // one stop for the client: the session's stops of the parts are dropped, the last one is sent after the response
        context.dropNextStop();
        return s.stepBackRange(hart, range.get()[0], range.get()[1], true).thenCompose(out -> {
            if (out.reason() != StopReason.STEP) {
                return done(out);
            }
            if (midLine) {
                context.dropNextStop();
                return s.stepInstruction(hart, 1, RunScope.AS_HELD).thenCompose(this::done);
            }
            Optional<long[]> previous = context.lines().lineRange(out.pc());
            if (previous.isEmpty()) {
                return done(out);
            }
            context.dropNextStop();
            return s.stepBackRange(hart, previous.get()[0], previous.get()[1], true).thenCompose(back -> {
                if (back.reason() != StopReason.STEP) {
                    return done(back);
                }
                context.dropNextStop();
                return s.stepInstruction(hart, 1, RunScope.AS_HELD).thenCompose(this::done);
            });
        }).whenComplete((stop, e) -> {
            if (e != null) {
                context.clearDroppedStops();
            }
        });
    }

    private CompletableFuture<Stop> done(Stop stop) {
        return CompletableFuture.completedFuture(StopEvents.afterResponse(context, "stepBack", stop, null, true));
    }
}
