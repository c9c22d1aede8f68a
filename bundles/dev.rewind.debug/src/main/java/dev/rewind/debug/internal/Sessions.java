package dev.rewind.debug.internal;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.backend.McdBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The registry of live sessions and how they are made: an ELF on a new MCD back end, or a recording. */
public final class Sessions {
    private final Map<String, Session> live = new ConcurrentHashMap<>();
    private final List<Consumer<List<DebugSession>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger(1);
    private Consumer<DebugSession> onCreate = s -> { };

    /** Called with each new session before anyone else sees it (e.g. to attach the event-bus bridge). */
    public void onCreate(Consumer<DebugSession> hook) {
        onCreate = hook;
    }

    public CompletableFuture<DebugSession> launch(LaunchConfig config) {
        return CompletableFuture.supplyAsync(() -> {
            McdBackend b;
            try {
                b = McdBackend.load(config.program());
            } catch (McdException e) {
                throw new DebugException(e.info(), e);
            }
            b.harts(config.harts()).snapshotInterval(config.snapshotInterval())
                    .hardwareTriggersPerHart(config.hardwareTriggersPerHart());
            if (config.ramSize() > 0) {
                b.ramSize(config.ramSize());
            }
            if (config.quantum() > 0) {
                b.quantum(config.quantum());
            }
            return create(config, config.program(), b, "cannot load " + config.program());
        });
    }

    public CompletableFuture<DebugSession> openRecording(Path recording, Path program,
            Map<String, String> instrumentation) {
        return CompletableFuture.supplyAsync(() -> {
            McdBackend b;
            try {
                b = McdBackend.openRecording(recording, program);
            } catch (McdException e) {
                throw new DebugException("cannot open the recording " + recording + ": " + e.info(), e);
            }
            LaunchConfig config = new LaunchConfig(program, b.harts(), b.ramSize(), b.quantum(),
                    LaunchConfig.DEFAULT_SNAPSHOT_INTERVAL, 4, instrumentation);
            return create(config, program, b, "cannot open the recording " + recording);
        });
    }

    public dev.rewind.debug.RecordingInfo readRecording(Path file) {
        return RecordingFiles.read(file);
    }

    private DebugSession create(LaunchConfig config, Path program, McdBackend backend, String failure) {
        String id = "s" + next.getAndIncrement();
        ConsoleGate console = new ConsoleGate(id);
        McdApi api;
        try {
            api = backend.consoleBytes(console).build();
        } catch (RuntimeException e) {
            throw new DebugException(failure + ": " + e.getMessage(), e);
        }
        dev.rewind.symbols.Symbols symbols = null;
        List<String> problems = new ArrayList<>();
        try {
            symbols = dev.rewind.symbols.Symbols.load(program);
            problems.addAll(symbols.problems());
        } catch (IOException | RuntimeException e) {
            problems.add("no symbols: " + e.getMessage());
        }
        Session s;
        try {
            s = Session.open(id, config, program, api, console, this::ended, symbols, problems);
        } catch (McdException e) {
            api.exit();
            throw new DebugException("cannot open the machine of " + program + ": " + e.getMessage(), e);
        }
        onCreate.accept(s);
        live.put(id, s);
        changed();
        return s;
    }

    private void ended(Session s) {
        if (live.remove(s.id()) != null) {
            changed();
        }
    }

    private void changed() {
        List<DebugSession> now = list();
        for (Consumer<List<DebugSession>> l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                System.err.println("rewind: a sessions listener failed: " + e);
            }
        }
    }

    public List<DebugSession> list() {
        List<DebugSession> out = new ArrayList<>(live.values());
        out.sort((a, b) -> Integer.compare(Integer.parseInt(a.id().substring(1)), Integer.parseInt(b.id().substring(1))));
        return out;
    }

    public Optional<DebugSession> find(String id) {
        return Optional.ofNullable(live.get(id));
    }

    public AutoCloseable onChange(Consumer<List<DebugSession>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void endAll() {
        for (Session s : List.copyOf(live.values())) {
            s.end();
        }
    }
}
