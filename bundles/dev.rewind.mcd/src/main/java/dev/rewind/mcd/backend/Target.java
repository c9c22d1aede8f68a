package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.CoreEvent;
import dev.rewind.mcd.api.CoreState;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.backend.StopState.StopRecord;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

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
    final TraceRing[] traces;
    /** Traces of plugins shown beside the instruction trace (trace ids from 2). */
    final List<dev.rewind.mcd.instrument.TraceSource> traceSources = new CopyOnWriteArrayList<>();
    final Console console;
    final StopState stops;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> stopHooks = new CopyOnWriteArrayList<>();
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
    private boolean traceOn;
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
        int n = engine.harts();
        this.traces = new TraceRing[n];
        for (int i = 0; i < n; i++) {
            traces[i] = new TraceRing(i, traceCapacity, Layout.MEM_PHYSICAL);
        }
        this.stops = new StopState(n);
        this.held = new HeldHarts(engine);
    }

    int harts() {
        return engine.harts();
    }

    void addListener(Listener l) {
        listeners.add(l);
    }

    void removeListener(Listener l) {
        listeners.remove(l);
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
                for (int h = 0; h < traces.length; h++) {
                    traces[h].flush(engine.retired(h));
                }
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
            case BREAKPOINT, WATCHPOINT: {
                java.util.List<TriggerTable.Entry> hits = matching(s);
                for (TriggerTable.Entry e : hits) {
                    e.captured = true;
                }
                TriggerTable.Entry e = TriggerTable.stopping(hits);
                return e != null ? hitRecord(e, s) : null;
            }
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

    private java.util.List<TriggerTable.Entry> matching(Engine.Stop s) {
        return s.kind() == Engine.Kind.BREAKPOINT ? triggers.matchExecution(s.hart(), s.address())
                : triggers.matchAccess(s.hart(), s.address(), s.size(), s.value(), s.accessKind());
    }

    /**
     * The stop forward execution would report for an engine stop at a breakpoint or watchpoint, or
     * null if no trigger stops there (another hart's trigger, data condition not met, DEFAULT action).
     * No side effects (time travel asks this while searching history).
     */
    StopRecord wouldStop(Engine.Stop s) {
        TriggerTable.Entry e = TriggerTable.stopping(matching(s));
        return e != null ? hitRecord(e, s) : null;
    }

    private StopRecord hitRecord(TriggerTable.Entry e, Engine.Stop s) {
        String what = s.kind() == Engine.Kind.BREAKPOINT ? "breakpoint at 0x" + Long.toHexString(s.address())
                : "watchpoint: " + (s.accessKind() == TriggerTable.WATCH_READ ? "read" : "write") + " of " + s.size()
                        + " bytes at 0x" + Long.toHexString(s.address()) + " value 0x" + Long.toHexString(s.value());
        return new StopRecord(s.hart(), e.id, e.owner, "hart " + s.hart() + ": " + what + " (trigger " + e.id
                + " of core " + e.owner + ")", false);
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

    /** Runs {@code hook} at every stop, before the listeners hear of it (see {@link #notifyListeners}). */
    AutoCloseable addStopHook(Runnable hook) {
        stopHooks.add(hook);
        return () -> stopHooks.remove(hook);
    }

    void notifyListeners(int ev) {
        if ((ev & CoreEvent.STOPPED.bit()) != 0 && !running) {
            synchronized (stopHooks) {
                for (Runnable h : stopHooks) {
                    h.run();
                }
            }
        }
        for (Listener l : listeners) {
            l.stateChanged(ev);
        }
    }

    /** Called on the machine thread by the engine's trace hook. */
    void traceBlock(int hart, long[] pcs, int[] bits, int[] lengths, long retired) {
        traces[hart].enter(pcs, bits, lengths, retired);
    }

    void setTracing(boolean on) {
        if (on != traceOn) {
            traceOn = on;
            engine.traceHook(on ? this::traceBlock : null);
        }
    }

    boolean tracing() {
        return traceOn;
    }
}
