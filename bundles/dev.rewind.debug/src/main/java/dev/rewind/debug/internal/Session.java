package dev.rewind.debug.internal;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.SessionListener;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A debug session: the request side of {@link DebugSession}. Each request is queued on the session's one
 * executor thread and handed to the part that owns it (run control, stepping, time travel, state, breakpoints).
 * Here: run control, stepping and the life cycle; time travel in {@link TravelRequests}, state in
 * {@link SessionRequests}.
 */
public final class Session extends TravelRequests {
    private final java.util.concurrent.atomic.AtomicBoolean ending = new java.util.concurrent.atomic.AtomicBoolean();
    private final LaunchConfig config;
    private final Path program;
    private final RunControl run;
    private final Stepping stepping;
    private final Stops stops;
    private final Consumer<Session> onEnd;
    private final McdApi api;
    private final ConsoleGate console;

    static Session open(String id, LaunchConfig config, Path program, McdApi api, ConsoleGate console,
            Consumer<Session> onEnd, dev.rewind.symbols.Symbols symbols, List<String> symbolProblems)
            throws McdException {
        return new Session(SessionParts.make(id, api, console), config, program, api, console, onEnd, symbols,
                symbolProblems);
    }

    private Session(SessionParts p, LaunchConfig config, Path program, McdApi api, ConsoleGate console,
            Consumer<Session> onEnd, dev.rewind.symbols.Symbols symbols, List<String> symbolProblems) {
        super(p, new State(p.ctx()), symbols, symbolProblems);
        this.config = config;
        this.program = program;
        this.onEnd = onEnd;
        this.api = api;
        this.console = console;
        this.stops = p.stops();
        this.run = p.run();
        this.stepping = p.stepping();
        if (symbols != null) {
            SymbolSupport support = new SymbolSupport(symbols, ctx);
            ctx.breakpoints.resolver(support);
            p.conditions().evaluator(support);
        }
    }

    @Override
    public String id() {
        return ctx.id;
    }

    @Override
    public LaunchConfig config() {
        return config;
    }

    @Override
    public Path program() {
        return program;
    }

    @Override
    public int harts() {
        return ctx.machine.harts();
    }

    @Override
    public int xlen() {
        return ctx.machine.xlen();
    }

    @Override
    public boolean running() {
        return ctx.running;
    }

    @Override
    public Stop lastStop() {
        return ctx.lastStop;
    }

    @Override
    public AutoCloseable addListener(SessionListener listener) {
        return ctx.hub.add(listener);
    }

    @Override
    public CompletableFuture<Void> resume() {
        return resume(dev.rewind.debug.RunScope.ALL);
    }

    @Override
    public CompletableFuture<Void> resume(dev.rewind.debug.RunScope scope) {
        return submit("resume", () -> {
            run.resume(scope);
            return null;
        });
    }

    @Override
    public CompletableFuture<Stop> nextStop() {
        return submit("wait for a stop", ctx::nextStop).thenCompose(f -> f);
    }

    @Override
    public CompletableFuture<Stop> pause() {
        try {
            run.requestPause();
        } catch (McdException e) {
            return CompletableFuture.failedFuture(new DebugException("cannot pause: " + e.getMessage(), e));
        }
        return submit("pause", () -> ctx.lastStop);
    }

    @Override
    public List<dev.rewind.debug.MemoryRegion> memoryRegions() {
        return ctx.regions;
    }

    @Override
    public CompletableFuture<Stop> reset() {
        return submit("reset", () -> {
            ctx.requireStopped("reset");
            run.clearPause();
            ctx.machine.resetSystem();
            ctx.frontier = ctx.time();
            return ctx.stopped(stops.here(StopReason.ENTRY, 0, "reset: stopped at the entry"), true);
        });
    }

    @Override
    public CompletableFuture<Stop> stepInstruction(int hart, int n) {
        return stepInstruction(hart, n, dev.rewind.debug.RunScope.ALL);
    }

    @Override
    public CompletableFuture<Stop> stepRange(int hart, long lo, long hi, boolean overCalls) {
        return stepRange(hart, lo, hi, overCalls, dev.rewind.debug.RunScope.ALL);
    }

    @Override
    public CompletableFuture<Stop> stepOut(int hart, long returnAddress, long callerSp) {
        return stepOut(hart, returnAddress, callerSp, dev.rewind.debug.RunScope.ALL);
    }

    @Override
    public CompletableFuture<Stop> stepInstruction(int hart, int n, dev.rewind.debug.RunScope scope) {
        return submit("step", () -> stepping.scoped(hart, scope, () -> stepping.instruction(hart, n)));
    }

    @Override
    public CompletableFuture<Stop> stepRange(int hart, long lo, long hi, boolean overCalls,
            dev.rewind.debug.RunScope scope) {
        return submit("step", () -> stepping.scoped(hart, scope, () -> stepping.range(hart, lo, hi, overCalls)));
    }

    @Override
    public CompletableFuture<Stop> stepOut(int hart, long returnAddress, long callerSp,
            dev.rewind.debug.RunScope scope) {
        return submit("step out", () -> stepping.scoped(hart, scope, () -> stepping.out(hart, returnAddress,
                callerSp)));
    }

    @Override
    public CompletableFuture<Void> setTrapStops(boolean exceptions, boolean interrupts) {
        return submit("set trap stops", () -> {
            ctx.requireStopped("change trap stops");
            stops.trapStops(exceptions, interrupts);
            return null;
        });
    }

    @Override
    public <T> java.util.Optional<T> adapt(Class<T> type) {
        if (type == dev.rewind.mcd.api.McdApi.class) {
            return java.util.Optional.of(type.cast(api));
        }
        if (type == dev.rewind.debug.RawConsole.class) {
            return java.util.Optional.of(type.cast((dev.rewind.debug.RawConsole) console::tap));
        }
        return java.util.Optional.empty();
    }

    @Override
    public CompletableFuture<Void> end() {
        if (!ending.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            run.requestPause();
        } catch (McdException e) {
            System.err.println("rewind: session " + ctx.id + ": stopping the machine failed: " + e.getMessage());
        }
        CompletableFuture<Void> f = submit("end the session", () -> {
            ctx.failWaiters(new DebugException("session " + ctx.id + " ended"));
            ctx.machine.exit();
            ctx.publish(new SessionEvent.Ended(ctx.id));
            return null;
        });
        ended = true;
        executor.shutdown();
        onEnd.accept(this);
        return f.whenComplete((v, t) -> ctx.hub.close());
    }

    @Override
    public boolean ended() {
        return ending.get(); // from the moment end() is called: a run it pauses is the session's end, not a pause
    }

    @Override
    public String toString() {
        return "session " + ctx.id + " (" + program.getFileName() + ", " + harts() + " harts)";
    }
}
