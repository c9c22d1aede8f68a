package dev.rewind.mcd.server;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.DebugSessions;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens the session a wire server switches to for {@code rewind-open-recording}: the recording opened on its
 * program, as a debug session (so DAP, gdb and the shell can attach to it too); the server serves its MCD API.
 */
@FunctionalInterface
public interface SessionOpener {

    /**
     * @throws McdException PARAM if {@code program} is not the recorded program, GENERAL if the recording cannot be
     *                      opened (its replay diverges)
     */
    McdApi open(Path recording, Path program) throws McdException;

    /** Opens recordings as sessions of {@code sessions}. */
    static SessionOpener of(DebugSessions sessions) {
        return (recording, program) -> mcd(sessions.openRecording(recording, program), "open the recording "
                + recording);
    }

    /** The MCD API of a session being created. */
    static McdApi mcd(java.util.concurrent.CompletableFuture<DebugSession> session, String what) throws McdException {
        try {
            DebugSession s = session.get(10, TimeUnit.MINUTES);
            return s.adapt(McdApi.class).orElseThrow(() -> new McdException(McdErrorCode.GENERAL,
                    "session " + s.id() + " has no MCD API"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof DebugException ? cause.getMessage() : "cannot " + what + ": " + cause;
            throw new McdException(McdErrorCode.GENERAL, message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McdException(McdErrorCode.GENERAL, "interrupted while trying to " + what);
        } catch (TimeoutException e) {
            throw new McdException(McdErrorCode.GENERAL, "timed out trying to " + what);
        }
    }
}
