package dev.rewind.gdb;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.SessionManager;
import java.nio.file.Path;
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
