package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.CoreEvent;
import dev.rewind.mcd.api.CoreState;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.backend.StopState.StopRecord;
import java.util.concurrent.Callable;

/**
 * One machine under debug: its engine (with its history), triggers, traces and run control. Runs the
 * machine on its own thread ({@code rewind-mcd-run}); every other access to the engine goes
 * through {@link #paused}, which halts a running machine silently, does the access and lets
 * it run on — the stop points do not change execution, since the engine resumes identically
 * at any instruction. No static state.
 */
final class Target {
    /** Instructions per run slice between checks for stop requests and snapshots. */
    static final long SLICE = 100_000;

    interface Listener {
        void stateChanged(int events);
    }

    final Engine engine;
    final TriggerTable triggers;
    final Traces traces;
    final Console console;
    final StopState stops;
    /** Who hears of its state changes (stop hooks, core connections). */
    final StopNotifier notifier = new StopNotifier();
    private final TriggerStops triggerStops;
    private final Object lock = new Object();
    private Thread runner;
    /** Counted down when the current runner has run its first slice (or ended). */
    private volatile java.util.concurrent.CountDownLatch firstSlice = new java.util.concurrent.CountDownLatch(0);
    private volatile boolean running;
    private volatile boolean pausing;
    private volatile boolean naturalEnd;
    private volatile boolean stopFlag;
    private long untilTime = -1;
    private int requester = -1;
    private boolean requestGlobal = true;
    /** The harts runs and steps leave stopped. */
    final HeldHarts held;

    Target(Engine engine, Console console, int hwTriggersPerHart, int traceCapacity) {
        this.engine = engine;
        this.console = console;
        this.triggers = new TriggerTable(new TriggerTable.Arming() {
            @Override
            public void breakpoint(long pc, boolean on) {
                engine.breakpoint(pc, on);
            }

            @Override
            public void watchpoint(long addr, long len, int kind, boolean on) {
                engine.watchpoint(addr, len, kind, on);
            }
        }, hwTriggersPerHart, Layout.MEM_PHYSICAL);
        this.traces = new Traces(engine, traceCapacity);
        this.stops = new StopState(engine.harts());
        this.held = new HeldHarts(engine);
        this.triggerStops = new TriggerStops(triggers);
    }

    int harts() {
        return engine.harts();
    }

    /** Runs {@code action} with the machine stopped (pausing and resuming a running machine). */
    <T> T paused(Callable<T> action) throws McdException {
        synchronized (lock) {
            boolean wasRunning = running;
            if (wasRunning) {
                awaitFirstSlice(); // so that a client polling in a loop cannot starve the machine
                pausing = true;
                joinRunner();
                pausing = false;
                wasRunning = !naturalEnd;
            }
            try {
                traces.flush();
                return action.call();
            } catch (McdException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new McdException(McdErrorCode.GENERAL, String.valueOf(e.getMessage()));
            } catch (Exception e) {
                throw new McdException(McdErrorCode.GENERAL, e.toString());
            } finally {
                if (wasRunning) {
                    startRunner();
                }
            }
        }
    }

    /**
     * Start running until stopped, a trigger, exit or (if {@code time >= 0}) that virtual time;
     * {@code byHart} is the hart of the core that asked.
     */
    void run(long time, int byHart, boolean global) throws McdException {
        synchronized (lock) {
            if (running) {
                return;
            }
            StopRecord last = stops.last();
            if (last.exited()) {
                throw new McdException(McdErrorCode.GENERAL, "the program has exited: " + last.reason());
            }
            untilTime = time;
            requester = byHart;
            requestGlobal = global;
            held.apply(byHart, global, false);
            startRunner();
        }
        notifyListeners(0);
    }

    /** Stop a running machine (waits until it has stopped); {@code byHart} is the asking core's hart. */
    void stop(int byHart, boolean global) {
        boolean stopped;
        synchronized (lock) {
            stopped = running;
            if (running) {
                requester = byHart;
                requestGlobal = global;
                joinRunner();
                if (!naturalEnd) {
                    recordStop(new StopRecord(byHart, "stopped by debugger"));
                }
            }
        }
        if (stopped) {
            notifyListeners(CoreEvent.STOPPED.bit());
        }
    }

    boolean running() {
        return running;
    }

    private void awaitFirstSlice() {
        try {
            firstSlice.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startRunner() {
        firstSlice = new java.util.concurrent.CountDownLatch(1);
        running = true;
        naturalEnd = false;
        stopFlag = false;
        Thread t = new Thread(this::loop, "rewind-mcd-run");
        t.setDaemon(true);
        runner = t;
        t.start();
    }

    private void joinRunner() {
        stopFlag = true;
        engine.requestStop();
        Thread t = runner;
        while (t != null && t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the machine", e);
            }
        }
        engine.clearStopRequest();
        running = false;
        runner = null;
    }

    private void loop() {
        StopRecord result = null;
        try {
            while (result == null) {
                if (stopFlag) {
                    result = pausing ? new StopRecord(0, PAUSED) : new StopRecord(Math.max(requester, 0),
                            "stopped by debugger");
                    break;
                }
                long budget = SLICE;
                Engine.Stop s;
                if (untilTime >= 0) {
                    long target = Math.min(untilTime, engine.time() + budget);
                    s = engine.runUntilTime(target);
                } else {
                    s = engine.run(budget);
                }
                firstSlice.countDown();
                result = evaluate(s);
            }
        } catch (RuntimeException e) {
            result = new StopRecord(Math.max(requester, 0), "engine error: " + e.getMessage());
        }
        firstSlice.countDown();
        if (result.reason().equals(PAUSED)) {
            return;
        }
        recordStop(result);
        naturalEnd = true;
        running = false;
        notifyListeners(CoreEvent.STOPPED.bit());
    }

    private static final String PAUSED = "\0paused";

    /** What a run result means for the debugger; null = keep running. */
    private StopRecord evaluate(Engine.Stop s) {
        switch (s.kind()) {
            case LIMIT, STEP:
                return untilTime >= 0 && engine.time() >= untilTime ? reached() : null;
            case TIME:
                return untilTime >= 0 && engine.time() >= untilTime ? reached() : null;
            case BREAKPOINT, WATCHPOINT:
                return triggerStops.capture(s);
            case STOP_REQUESTED:
                return pausing ? new StopRecord(0, PAUSED) : new StopRecord(Math.max(requester, 0),
                        "stopped by debugger");
            case EXITED:
                return new StopRecord(s.hart(), 0, -1, "exited with code " + s.exitCode(), true);
            default:
                return new StopRecord(s.hart(), s.kind().name().toLowerCase() + ": " + s.message());
        }
    }

    private StopRecord reached() {
        return new StopRecord(Math.max(requester, 0), "reached time " + engine.time());
    }

    /**
     * The stop forward execution would report for an engine stop at a breakpoint or watchpoint, or null if no trigger
     * stops there. No side effects (time travel asks this while searching history).
     */
    StopRecord wouldStop(Engine.Stop s) {
        return triggerStops.wouldStop(s);
    }

    /** Record a stop (of a run, step or time-travel operation). */
    void recordStop(StopRecord r) {
        stops.stopped(r, requester, requestGlobal);
    }

    /** Record a stop of a synchronous operation asked for by {@code byHart}'s core. */
    void recordStop(StopRecord r, int byHart, boolean global) {
        requester = byHart;
        requestGlobal = global;
        stops.stopped(r, byHart, global);
    }

    /** Evaluate a synchronous engine stop (step, time travel); null if it was an ordinary end. */
    StopRecord evaluateSync(Engine.Stop s) {
        long saved = untilTime;
        untilTime = -1;
        try {
            return evaluate(s);
        } finally {
            untilTime = saved;
        }
    }

    void addEvents(int hart, int bits) {
        stops.add(hart, bits);
    }

    /** The state of {@code hart}'s core; {@code consume} clears the reported events. */
    CoreState state(int hart, boolean consume) {
        return stops.state(hart, running && !held.holds(hart), consume);
    }

    StopRecord lastStop() {
        return stops.last();
    }

    void notifyListeners(int ev) {
        notifier.notify(ev, (ev & CoreEvent.STOPPED.bit()) != 0 && !running);
    }
}
