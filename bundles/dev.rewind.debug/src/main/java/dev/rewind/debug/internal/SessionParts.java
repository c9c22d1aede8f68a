package dev.rewind.debug.internal;

import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The parts of a session, made before the session itself: its one executor thread, its context (the machine over
 * MCD, the event hub, stopped at the entry), and the parts that own stops, conditions, run control, stepping and time
 * travel.
 */
record SessionParts(ExecutorService executor, Context ctx, Stops stops, Conditions conditions, RunControl run,
        Stepping stepping, Travel travel) {

    static SessionParts make(String id, McdApi api, ConsoleGate console) throws McdException {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rewind-session-" + id);
            t.setDaemon(true);
            return t;
        });
        EventHub hub = new EventHub(msg -> System.err.println("rewind: session " + id + ": " + msg));
        Context ctx = new Context(id, new McdMachine(api), hub, console);
        ctx.lastStop = new Stop(StopReason.ENTRY, 0, ctx.time(), ctx.machine.pc(0), 0, null, 0, 0, 0,
                "stopped at the entry, time " + ctx.time());
        ctx.regions = ctx.machine.memoryRegions();
        console.connect(executor, hub::publish);
        Stops stops = new Stops(ctx);
        Conditions conditions = new Conditions(ctx, stops::trapWanted);
        RunControl run = new RunControl(ctx, stops, conditions, executor);
        Stepping stepping = new Stepping(ctx, run, stops);
        return new SessionParts(executor, ctx, stops, conditions, run, stepping, new Travel(ctx, run, stops, stepping));
    }
}
