package dev.rewind.mcd.server;

import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.DebugSessions;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.RawConsole;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@code ./rewind mcd PROG.elf [--port 1235] [--harts N] [--host H]} needs: launch the ELF as a debug
 * session and serve its MCD API. Returns the running server; {@link McdWireServer#stop()}
 * ends it. No static state.
 */
public final class McdServerLauncher {
    public static final int DEFAULT_PORT = 1235;

    private McdServerLauncher() {
    }

    /**
     * Launches {@code elf} as a session of a new {@link dev.rewind.debug.SessionManager} and serves its MCD API.
     *
     * @param host null for loopback
     * @throws IOException  if the port cannot be bound
     * @throws McdException if the program cannot be loaded (not a RISC-V ELF, segments outside RAM, ...)
     */
    public static McdWireServer launch(Path elf, String host, int port, int harts, ConsoleSink console)
            throws IOException, McdException {
        return launch(new dev.rewind.debug.SessionManager(), elf, host, port, harts, console);
    }

    /** Like {@link #launch(Path, String, int, int, ConsoleSink)} on the sessions of {@code sessions}. */
    public static McdWireServer launch(DebugSessions sessions, Path elf, String host, int port, int harts,
            ConsoleSink console) throws IOException, McdException {
        java.util.concurrent.CompletableFuture<DebugSession> launched = sessions.launch(
                LaunchConfig.of(elf).withHarts(harts));
        McdApi api = SessionOpener.mcd(launched, "load " + elf);
        if (console != null) {
            launched.join().adapt(RawConsole.class).ifPresent(c -> c.tap(b -> console.write((byte) b)));
        }
        McdWireServer server = new McdWireServer(api, SessionOpener.of(sessions));
        server.start(host, port);
        return server;
    }
}
