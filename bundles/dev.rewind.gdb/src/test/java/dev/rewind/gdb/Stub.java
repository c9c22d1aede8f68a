package dev.rewind.gdb;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.SessionManager;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A session of the real debug services on a guest ELF, served by an in-process stub on a free port. */
final class Stub implements AutoCloseable {
    static final Path ELF_DIR = Path.of("../../tests/guest/elf");

    final SessionManager manager = new SessionManager();
    final DebugSession session;
    final GdbServer server;

    Stub(String elf, int harts) throws Exception {
        this(LaunchConfig.of(ELF_DIR.resolve(elf).toAbsolutePath().normalize()).withHarts(harts));
    }

    Stub(LaunchConfig config) throws Exception {
        session = manager.launch(config).get(30, TimeUnit.SECONDS);
        server = new GdbServer(session);
        server.start(null, 0);
    }

    Path elf() {
        return session.program();
    }

    /** The address of {@code symbol} in the program, as gdb prints it ({@code 0x80000a3c}). */
    String hex(String symbol) {
        return "0x" + Long.toHexString(session.symbols().orElseThrow().symbol(symbol).orElseThrow().value());
    }

    /** The 32-bit word at {@code symbol}, as gdb's {@code x/w} prints it ({@code 0x00003197}). */
    String word(String symbol) throws Exception {
        long at = session.symbols().orElseThrow().symbol(symbol).orElseThrow().value();
        byte[] b = session.readMemory(at, 4).get(10, TimeUnit.SECONDS).data();
        return String.format("0x%02x%02x%02x%02x", b[3], b[2], b[1], b[0]);
    }

    /** Completes when the session next starts running: call it before the action that starts the run. */
    CompletableFuture<Void> nextRun() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        AutoCloseable listener = session.addListener(e -> {
            if (e instanceof SessionEvent.Running) {
                started.complete(null);
            }
        });
        return started.whenComplete((v, t) -> {
            try {
                listener.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot remove the test's listener", e);
            }
        });
    }

    int port() {
        return server.port();
    }

    String gdb(String... commands) throws Exception {
        return Gdb.batch(elf(), port(), commands);
    }

    @Override
    public void close() {
        server.close();
        manager.close();
    }
}
