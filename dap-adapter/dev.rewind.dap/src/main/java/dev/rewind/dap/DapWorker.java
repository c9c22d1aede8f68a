package dev.rewind.dap;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection's worker: requests run on it one at a time, in arrival order. A read that arrives while nothing
 * is queued or running ({@link #runOrQueue}) runs right away on the thread that read it, which then writes its
 * response: on a loaded machine every thread that must wake up for a request costs time, and a client at a stop
 * asks one question after another. Only the connection's reader submits work, so running it there keeps the order.
 */
public final class DapWorker {

    private final ExecutorService thread;
    private final AtomicInteger pending = new AtomicInteger();

    public DapWorker(ExecutorService thread) {
        this.thread = thread;
    }

    /** Queues {@code work} on the worker thread. */
    public void queue(Runnable work) {
        pending.incrementAndGet();
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.decrementAndGet();
            throw e;
        }
    }

    /** Runs {@code work} on this thread when the worker is idle, else queues it behind what it has. */
    public void runOrQueue(Runnable work) {
        if (!pending.compareAndSet(0, 1)) {
            queue(work);
            return;
        }
        try {
            work.run();
        } finally {
            pending.decrementAndGet();
        }
    }

    public void shutdownNow() {
        thread.shutdownNow();
    }
}
