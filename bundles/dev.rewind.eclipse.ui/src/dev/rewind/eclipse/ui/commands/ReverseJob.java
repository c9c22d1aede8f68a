package dev.rewind.eclipse.ui.commands;

import dev.rewind.debug.Stop;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * A time-travel request (reverse resume, step back, reverse to last write, go to) as a user job: it shows in the
 * progress view, and cancelling it pauses the session, which ends the backwards search where it is.
 */
public final class ReverseJob extends Job {

    /** How long a cancelled request may take to come back after the pause. */
    static final long CANCEL_GRACE_MS = 15_000;

    /** What the job runs: a request that ends in a stop. */
    @FunctionalInterface
    public interface Request {
        CompletableFuture<Stop> start() throws Exception;
    }

    private final RewindDebugTarget target;
    private final Request request;
    private volatile Stop stop;

    public ReverseJob(String name, RewindDebugTarget target, Request request) {
        super(name);
        this.target = target;
        this.request = request;
        setUser(true);
    }

    /** The stop the request ended in, or null. */
    public Stop stop() {
        return stop;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        CompletableFuture<Stop> f;
        try {
            f = request.start();
        } catch (Exception e) {
            return Status.error(getName() + " failed: " + e.getMessage(), e);
        }
        try {
            while (true) {
                if (monitor.isCanceled()) {
                    target.session().pause();
                    stop = f.get(CANCEL_GRACE_MS, TimeUnit.MILLISECONDS);
                    return Status.CANCEL_STATUS;
                }
                try {
                    stop = f.get(100, TimeUnit.MILLISECONDS);
                    // a cancel pauses the session at once (canceling()), which completes the request: still cancelled
                    return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
                } catch (TimeoutException e) {
                    monitor.worked(1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.error(getName() + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Status.error(getName() + " failed: " + cause.getMessage(), cause);
        } finally {
            monitor.done();
        }
    }

    @Override
    protected void canceling() {
        target.session().pause();
    }
}
