package dev.rewind.debug.internal;

import dev.rewind.debug.Bookmark;
import dev.rewind.debug.Breakpoint;
import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.DebugException;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Instruction;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.MemoryRead;
import dev.rewind.debug.Register;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.SessionListener;
import dev.rewind.debug.Stop;
import dev.rewind.debug.TimeInfo;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A debug session: the request side of {@link DebugSession}. Each request is queued on the session's one
 * executor thread and handed to the part that owns it (run control, stepping, time travel, state, breakpoints).
 */
public final class Session implements DebugSession {
    private final LaunchConfig config;
    private final Path program;
    private final ExecutorService executor;
    private final Context ctx;
    private final RunControl run;
    private final Stepping stepping;
    private final Travel travel;
    private final Stops stops;
    private final State state;
    private final Consumer<Session> onEnd;
    private final McdApi api;
    private final ConsoleGate console;
    private volatile boolean ended;

    Session(String id, LaunchConfig config, Path program, McdApi api, ConsoleGate console, Consumer<Session> onEnd,
            dev.rewind.symbols.Symbols symbols, List<String> symbolProblems) throws McdException {
        this.config = config;
        this.program = program;
        this.onEnd = onEnd;
        this.api = api;
        this.console = console;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rewind-session-" + id);
            t.setDaemon(true);
            return t;
        });
        EventHub hub = new EventHub(msg -> System.err.println("rewind: session " + id + ": " + msg));
        McdMachine machine = new McdMachine(api);
        this.ctx = new Context(id, machine, hub, console);
        console.connect(executor, hub::publish);
        this.stops = new Stops(ctx);
        Conditions conditions = new Conditions(ctx, stops::trapWanted);
        this.run = new RunControl(ctx, stops, conditions, executor);
        this.stepping = new Stepping(ctx, run, stops);
        this.travel = new Travel(ctx, run, stops, stepping);
        this.state = new State(ctx, conditions);
        this.symbols = symbols;
        this.symbolProblems = List.copyOf(symbolProblems);
        if (symbols != null) {
            SymbolSupport support = new SymbolSupport(symbols, ctx);
            ctx.breakpoints.resolver(support);
            conditions.evaluator(support);
        }
    }

    private final dev.rewind.symbols.Symbols symbols;
    private final List<String> symbolProblems;

    @Override
    public java.util.Optional<dev.rewind.symbols.Symbols> symbols() {
        return java.util.Optional.ofNullable(symbols);
    }

    @Override
    public List<String> symbolProblems() {
        return symbolProblems;
    }

    @Override
    public <T> CompletableFuture<T> inspect(int hart, dev.rewind.debug.Inspection<T> work) {
        return submit("inspect hart " + hart, () -> {
            Hart access = new Hart(ctx, hart);
            try {
                return work.run(access);
            } catch (McdException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new DebugException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
            } finally {
                if (access.wrote) {
                    ctx.frontier = ctx.time();
                    ctx.publish(new SessionEvent.Invalidated(ctx.id, ctx.frontier, false));
                }
            }
        });
    }

    /** Runs {@code work} on the session's executor. */
    <T> CompletableFuture<T> submit(String what, Work<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (ended) {
            f.completeExceptionally(new DebugException("session " + ctx.id + " has ended"));
            return f;
        }
        try {
            executor.execute(() -> {
                ctx.opInProgress = true;
                try {
                    f.complete(work.run());
                } catch (McdException e) {
                    f.completeExceptionally(new DebugException("cannot " + what + ": " + e.getMessage()
                            + " (" + e.errorCode() + ")", e));
                } catch (DebugException e) {
                    f.completeExceptionally(e);
                } catch (RuntimeException e) {
                    f.completeExceptionally(new DebugException("cannot " + what + ": " + e, e));
                } finally {
                    ctx.opInProgress = false;
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new DebugException("session " + ctx.id + " has ended", e));
        }
        return f;
    }

    /** A request body. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws McdException;
    }

    Context context() {
        return ctx;
    }

    State state() {
        return state;
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
    public List<Register> registers() {
        return state.registers();
    }

    @Override
    public Register register(String nameOrNumber) {
        return state.register(nameOrNumber);
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
        return submit("resume", () -> {
            run.resume();
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
    public CompletableFuture<Stop> stepInstruction(int hart, int n) {
        return submit("step", () -> stepping.instruction(hart, n));
    }

    @Override
    public CompletableFuture<Stop> stepRange(int hart, long lo, long hi, boolean overCalls) {
        return submit("step", () -> stepping.range(hart, lo, hi, overCalls));
    }

    @Override
    public CompletableFuture<Stop> stepOut(int hart, long returnAddress, long callerSp) {
        return submit("step out", () -> stepping.out(hart, returnAddress, callerSp));
    }

    @Override
    public CompletableFuture<Stop> stepBackInstruction(int hart, int n) {
        return submit("step back", () -> travel.stepBack(hart, n));
    }

    @Override
    public CompletableFuture<Stop> stepBackRange(int hart, long lo, long hi, boolean overCalls) {
        return submit("step back", () -> travel.stepBackRange(hart, lo, hi, overCalls));
    }

    @Override
    public CompletableFuture<Stop> stepBackOut(int hart, long callSite, long callerSp) {
        return submit("step back out", () -> travel.stepBackOut(hart, callSite, callerSp));
    }

    @Override
    public CompletableFuture<Stop> reverseContinue() {
        return submit("reverse continue", travel::reverseContinue);
    }

    @Override
    public CompletableFuture<Stop> reverseToLastWrite(long address, long length) {
        return submit("go back to the last write", () -> travel.reverseToLastWrite(address, length));
    }

    @Override
    public CompletableFuture<Stop> goToTime(long time) {
        return submit("go to time " + time, () -> travel.goToTime(time));
    }

    @Override
    public CompletableFuture<TimeInfo> time() {
        return submit("read the time", travel::time);
    }

    @Override
    public CompletableFuture<Bookmark> addBookmark(String name) {
        return submit("add a bookmark", () -> travel.addBookmark(name));
    }

    @Override
    public CompletableFuture<List<Bookmark>> bookmarks() {
        return submit("list bookmarks", travel::bookmarks);
    }

    @Override
    public CompletableFuture<Stop> goToBookmark(String name) {
        return submit("go to bookmark " + name, () -> travel.goToBookmark(name));
    }

    @Override
    public CompletableFuture<Void> renameBookmark(String name, String newName) {
        return submit("rename a bookmark", () -> {
            travel.renameBookmark(name, newName);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> deleteBookmark(String name) {
        return submit("delete a bookmark", () -> {
            travel.deleteBookmark(name);
            return null;
        });
    }

    @Override
    public CompletableFuture<Long> saveRecording(Path file) {
        return submit("save a recording", () -> travel.saveRecording(file));
    }

    @Override
    public CompletableFuture<long[]> readRegisters(int hart, List<Register> registers) {
        return submit("read registers", () -> ctx.machine.readRegisters(hart, registers));
    }

    @Override
    public CompletableFuture<Long> readRegister(int hart, Register register) {
        return submit("read " + register.name(), () -> ctx.machine.readRegister(hart, register.number()));
    }

    @Override
    public CompletableFuture<Void> writeRegister(int hart, Register register, long value) {
        return submit("write " + register.name(), () -> {
            state.writeRegister(hart, register, value);
            return null;
        });
    }

    @Override
    public CompletableFuture<MemoryRead> readMemory(long address, int length) {
        return submit("read memory", () -> state.readMemory(address, length));
    }

    @Override
    public CompletableFuture<Void> writeMemory(long address, byte[] data) {
        return submit("write memory", () -> {
            state.writeMemory(address, data);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<Instruction>> disassemble(long address, int count) {
        return submit("disassemble", () -> state.disassemble(address, count));
    }

    @Override
    public CompletableFuture<Breakpoint> addBreakpoint(BreakpointSpec spec) {
        return submit("add a breakpoint", () -> state.addBreakpoint(spec));
    }

    @Override
    public CompletableFuture<Void> removeBreakpoint(int id) {
        return submit("remove breakpoint " + id, () -> {
            state.removeBreakpoint(id);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<Breakpoint>> breakpoints() {
        return submit("list breakpoints", ctx.breakpoints::list);
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
        if (ended) {
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
        return ended;
    }

    @Override
    public String toString() {
        return "session " + ctx.id + " (" + program.getFileName() + ", " + harts() + " harts)";
    }
}
