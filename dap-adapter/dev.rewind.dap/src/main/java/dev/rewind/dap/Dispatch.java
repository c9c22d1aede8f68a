package dev.rewind.dap;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where and when a request runs ({@link DapServer} says which handler): on the connection's worker thread in arrival
 * order, or at once on the reader's thread for reads while nothing moves; requests that may write or move the machine
 * make the answers kept about the stop be asked again; failures become error responses.
 */
final class Dispatch {

    /** Requests that change nothing the answers kept about a stop show ({@link Handles#answer}). */
    private static final Set<String> READS = Set.of("threads", "stackTrace", "scopes", "variables", "source",
            "loadedSources", "readMemory", "disassemble", "exceptionInfo", "dataBreakpointInfo", "gotoTargets",
            "rewind/time", "rewind/bookmarks", "rewind/sessions");

    /**
     * Reads answered on the reader's thread ({@link DapWorker#runOrQueue}) when the worker is idle and no request of
     * this client is moving the machine ({@code moving}): they refuse a running machine at once, so they never hold the
     * reader, and a {@code pause}, while it runs. (Another front end may start it meanwhile: then they wait for it.)
     */
    private static final Set<String> AT_ONCE = Set.of("threads", "stackTrace", "scopes", "variables", "evaluate",
            "loadedSources");

    private final AtomicInteger moving = new AtomicInteger();
    private final DapContext c;
    private final DapWorker worker;

    Dispatch(DapContext context, DapWorker worker) {
        this.c = context;
        this.worker = worker;
    }

    <R> CompletableFuture<R> sync(String command, Supplier<R> body) {
        return sync(command, READS.contains(command), body);
    }

    <R> CompletableFuture<R> sync(String command, boolean reads, Supplier<R> body) {
        return async(command, reads, () -> CompletableFuture.completedFuture(body.get()));
    }

    <R> CompletableFuture<R> async(String command, Supplier<CompletableFuture<R>> body) {
        return async(command, READS.contains(command), body);
    }

    /** {@code reads}: changes nothing the answers kept about a stop show. */
    <R> CompletableFuture<R> async(String command, boolean reads, Supplier<CompletableFuture<R>> body) {
        dev.rewind.debug.DebugSession s = c.sessionOrNull();
        boolean atOnce = reads && AT_ONCE.contains(command) && moving.get() == 0 && (s == null || !s.running());
        Executor on = atOnce ? worker::runOrQueue : worker::queue;
        if (!reads) {
            moving.incrementAndGet();
        }
        return CompletableFuture.supplyAsync(() -> {
            if (!reads) {
                c.handles().forgetAnswers(); // it may write or move: the answers about this stop are asked again
            }
            return body.get();
        }, on).thenCompose(f -> f).whenComplete((r, e) -> {
            if (!reads) {
                moving.decrementAndGet();
            }
        }).handle((r, e) -> errors(command, r, e));
    }

    /** On the calling thread, bypassing the worker (a {@code pause} must get through while a step holds it). */
    <R> CompletableFuture<R> now(String command, Supplier<CompletableFuture<R>> body) {
        try {
            return body.get().handle((r, e) -> errors(command, r, e));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(DapErrors.toResponseError(command, e));
        }
    }

    private static <R> R errors(String command, R result, Throwable e) {
        if (e != null) {
            throw DapErrors.toResponseError(command, e);
        }
        return result;
    }
}
