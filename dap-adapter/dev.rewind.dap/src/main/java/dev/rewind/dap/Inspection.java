package dev.rewind.dap;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.HartAccess;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One executor hop for a whole request: {@link #run} runs the work on the session's executor (through
 * {@link DebugSession#inspect}) and, while it runs, {@link #access} hands the readers (the symbols' target of a
 * frame, the pc unwinder) the stopped hart directly, instead of one session request per register set or memory
 * read. Only reads belong inside; a session request from there would wait for its own thread and is refused.
 */
public final class Inspection {

    private volatile Thread thread;
    private volatile HartAccess access;

    /** Runs {@code work} on the session's executor with hart {@code hart} readable through {@link #access}. */
    <T> CompletableFuture<T> run(DebugSession session, int hart, Supplier<T> work) {
        return session.inspect(hart, h -> {
            access = h;
            thread = Thread.currentThread();
            try {
                return work.get();
            } finally {
                thread = null;
                access = null;
            }
        });
    }

    /** The machine, when called from inside {@link #run} on its thread; else null (go through the session). */
    public HartAccess access() {
        return Thread.currentThread() == thread ? access : null;
    }

    boolean insideRun() {
        return Thread.currentThread() == thread;
    }
}
