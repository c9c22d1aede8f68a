package dev.rewind.debug.internal;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import dev.rewind.mcd.api.McdException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the parts of one session share: the machine, the event hub, the breakpoints and the session's run
 * state. Executor-confined, except the volatile fields read by other threads.
 */
final class Context {
    final String id;
    final McdMachine machine;
    final EventHub hub;
    final Breakpoints breakpoints;
    final ConsoleGate console;
    /** The machine's registers by name. */
    final RegisterTable registers;
    /** Newest virtual time ever reached: before it, the machine replays history. */
    long frontier;
    volatile Stop lastStop;
    /** The memory map (fixed for a machine). */
    java.util.List<dev.rewind.debug.MemoryRegion> regions = java.util.List.of();
    /** A forward run is in progress (set and cleared on the executor). */
    volatile boolean running;
    /** The harts the current forward run or step moves (the others are held). */
    dev.rewind.debug.RunScope scope = dev.rewind.debug.RunScope.ALL;
    /** A request of this session is executing (its own MCD calls cause the stops seen meanwhile). */
    volatile boolean opInProgress;
    private final List<CompletableFuture<Stop>> stopWaiters = new ArrayList<>();

    Context(String id, McdMachine machine, EventHub hub, ConsoleGate console) {
        this.id = id;
        this.machine = machine;
        this.hub = hub;
        this.console = console;
        this.breakpoints = new Breakpoints(machine);
        this.registers = new RegisterTable(machine.registers());
        this.lastStop = new Stop(StopReason.ENTRY, 0, 0, 0, 0, null, 0, 0, 0, "stopped at the entry, time 0");
    }

    void publish(SessionEvent e) {
        hub.publish(e);
    }

    long time() throws McdException {
        return machine.time();
    }

    void requireStopped(String what) {
        if (running) {
            throw new DebugException("cannot " + what + " while the machine runs; pause it first");
        }
    }

    void requireAlive(String what) {
        requireStopped(what);
        if (lastStop.exited()) {
            throw new DebugException("cannot " + what + ": the program has exited with code " + lastStop.exitCode()
                    + " (step back or go to an earlier time to go on)");
        }
    }

    CompletableFuture<Stop> nextStop() {
        CompletableFuture<Stop> f = new CompletableFuture<>();
        stopWaiters.add(f);
        return f;
    }

    /** Records a stop: last stop, frontier, waiters, then the Stopped event (and Invalidated for time travel). */
    Stop stopped(Stop stop, boolean timeTravel) throws McdException {
        console.flush();
        lastStop = stop;
        running = false;
        frontier = Math.max(frontier, stop.time());
        List<CompletableFuture<Stop>> waiters = new ArrayList<>(stopWaiters);
        stopWaiters.clear();
        if (timeTravel) {
            publish(new SessionEvent.Invalidated(id, stop.time(), true));
        }
        publish(new SessionEvent.Stopped(id, stop));
        waiters.forEach(w -> w.complete(stop));
        return stop;
    }

    void failWaiters(Throwable t) {
        List<CompletableFuture<Stop>> waiters = new ArrayList<>(stopWaiters);
        stopWaiters.clear();
        waiters.forEach(w -> w.completeExceptionally(t));
    }
}
