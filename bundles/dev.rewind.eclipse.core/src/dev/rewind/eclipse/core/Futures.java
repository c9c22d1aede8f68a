package dev.rewind.eclipse.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;

/**
 * Bounded waits on the debug services' futures, for model methods that the platform calls off the UI thread
 * (content providers, jobs). Never call these on the UI thread: the UI composes futures and marshals results.
 */
public final class Futures {

    /** The longest any model query waits for the session. */
    public static final Duration QUERY = Duration.ofSeconds(20);

    private Futures() {
    }

    public static <T> T await(CompletableFuture<T> future, String what) throws DebugException {
        return await(future, QUERY, what);
    }

    public static <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws DebugException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw error(what + ": interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw error(what + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw error(what + ": no answer from the session within " + timeout.toSeconds() + " s", e);
        }
    }

    public static DebugException error(String message, Throwable cause) {
        return new DebugException(new Status(IStatus.ERROR, RewindDebug.PLUGIN_ID, DebugException.REQUEST_FAILED,
                message, cause));
    }
}
