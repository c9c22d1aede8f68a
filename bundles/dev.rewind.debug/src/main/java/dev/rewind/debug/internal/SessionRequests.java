package dev.rewind.debug.internal;

import dev.rewind.debug.Breakpoint;
import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.DebugException;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Instruction;
import dev.rewind.debug.MemoryRead;
import dev.rewind.debug.Register;
import dev.rewind.debug.SessionEvent;
import dev.rewind.mcd.api.McdException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The executor of a session and the requests that read and write its state: registers, memory, disassembly,
 * breakpoints, symbols and inspections. {@link TravelRequests} adds time travel, {@link Session} run control and the
 * life cycle.
 */
abstract class SessionRequests implements DebugSession {
    final ExecutorService executor;
    final Context ctx;
    final State state;
    private final dev.rewind.symbols.Symbols symbols;
    private final List<String> symbolProblems;
    volatile boolean ended;

    SessionRequests(ExecutorService executor, Context ctx, State state, dev.rewind.symbols.Symbols symbols,
            List<String> symbolProblems) {
        this.executor = executor;
        this.ctx = ctx;
        this.state = state;
        this.symbols = symbols;
        this.symbolProblems = List.copyOf(symbolProblems);
    }

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

    @Override
    public List<Register> registers() {
        return state.registers();
    }

    @Override
    public Register register(String nameOrNumber) {
        return state.register(nameOrNumber);
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

    /** A request body. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws McdException;
    }
}
