package dev.rewind.debug.internal;

import dev.rewind.debug.Bookmark;
import dev.rewind.debug.DebugException;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import dev.rewind.debug.TimeInfo;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.util.ArrayList;
import java.util.List;

/**
 * Time travel through the MCD time-travel extension: reverse steps (also over a range and out of a function),
 * reverse continue, reverse to the last write, go to time and bookmarks. Every operation ends with an
 * {@code Invalidated} and a {@code Stopped} event. Output the guest makes while history replays is not new and
 * is not reported. Executor-confined.
 */
final class Travel {
    private static final int SP = 2;
    private static final long MAX_STEPS = 1_000_000;

    private final Context ctx;
    private final RunControl run;
    private final Stops stops;
    private final Stepping stepping;

    Travel(Context ctx, RunControl run, Stops stops, Stepping stepping) {
        this.ctx = ctx;
        this.run = run;
        this.stops = stops;
        this.stepping = stepping;
    }

    private TimeTravel tt(int hart, String what) {
        ctx.requireStopped(what);
        return ctx.machine.travel(hart).orElseThrow(() -> new DebugException("cannot " + what
                + ": this session records no history (launch it with history on)"));
    }

    TimeInfo time() throws McdException {
        long now = ctx.time();
        var t = ctx.machine.travel(0);
        return new TimeInfo(now, t.isPresent() ? t.get().earliestTime() : now, Math.max(ctx.frontier, now),
                t.isPresent());
    }

    dev.rewind.debug.HistoryInfo history() throws McdException {
        TimeTravel.History h = tt(0, "describe the history").history();
        TimeInfo t = time();
        return new dev.rewind.debug.HistoryInfo(t, h.snapshots(), h.pinned(), h.bytes(), h.budget());
    }

    Stop stepBack(int hart, int n) throws McdException {
        run.clearPause();
        stepBackRaw(hart, n);
        return done(hart, StopReason.STEP);
    }

    /** One or more reverse steps; true when history's start stopped them. */
    private boolean stepBackRaw(int hart, int n) throws McdException {
        TimeTravel tt = tt(hart, "step back");
        long before = ctx.time();
        tt.reverseStep(n);
        return ctx.time() == before || ctx.time() <= tt.earliestTime();
    }

    Stop stepBackRange(int hart, long lo, long hi, boolean overCalls) throws McdException {
        run.clearPause();
        for (long i = 0; i < MAX_STEPS && !run.cancelled(); i++) {
            long from = ctx.machine.pc(hart);
            long sp = ctx.machine.readRegister(hart, SP);
            if (stepBackRaw(hart, 1)) {
                return done(hart, StopReason.HISTORY_START);
            }
            long pc = ctx.machine.pc(hart);
            if (overCalls && !Stepping.inRange(pc, lo, hi) && Insns.isReturn(stepping.fetch(pc))) {
                long site = callSite(from);
                if (site >= 0) {
                    Stop s = backTo(hart, site, sp);
                    if (s != null) {
                        return ctx.stopped(s, true);
                    }
                    pc = ctx.machine.pc(hart);
                }
            }
            if (!Stepping.inRange(pc, lo, hi)) {
                return done(hart, StopReason.STEP);
            }
        }
        return done(hart, run.cancelled() ? StopReason.PAUSE : StopReason.STEP);
    }

    Stop stepBackOut(int hart, long callSite, long callerSp) throws McdException {
        run.clearPause();
        tt(hart, "step back out");
        Stop s = backTo(hart, callSite, callerSp);
        return s != null ? ctx.stopped(s, true) : done(hart, StopReason.STEP);
    }

    /** The call instruction that returns to {@code returnAddress}, or -1. */
    private long callSite(long returnAddress) {
        int four = stepping.fetch(returnAddress - 4);
        if ((four & 3) == 3 && Insns.isCall(four, ctx.machine.xlen())) {
            return returnAddress - 4;
        }
        int two = stepping.fetch(returnAddress - 2);
        return (two & 3) != 3 && Insns.isCall(two, ctx.machine.xlen()) ? returnAddress - 2 : -1;
    }

    /**
     * Back to the latest time {@code hart} was at {@code address} with sp equal to {@code sp}; null when it got
     * there, else the stop that came first (a breakpoint, the start of history).
     */
    private Stop backTo(int hart, long address, long sp) throws McdException {
        TimeTravel tt = tt(hart, "reverse");
        int trig = ctx.breakpoints.addTemporary(hart, address);
        try {
            while (!run.cancelled()) {
                TimeTravel.StopInfo info = tt.reverseContinue();
                Stops.Raw r = stops.raw(hart);
                if (info.trigId() == trig && r.hart() == hart) {
                    if (ctx.machine.readRegister(hart, SP) == sp) {
                        return null;
                    }
                    continue;
                }
                Stop s = stops.classify(r, StopReason.HISTORY_START, hart);
                if (s.reason() == StopReason.HISTORY_START || run.hitStops(s)) {
                    return s;
                }
            }
            return stops.here(StopReason.PAUSE, hart, null);
        } finally {
            ctx.breakpoints.removeTemporary(hart, trig);
        }
    }

    Stop reverseContinue() throws McdException {
        run.clearPause();
        TimeTravel tt = tt(0, "reverse continue");
        stops.armTraps();
        while (true) {
            tt.reverseContinue();
            Stop s = stops.classify(stops.raw(0), run.cancelled() ? StopReason.PAUSE : StopReason.HISTORY_START, -1);
            if (s.reason() == StopReason.HISTORY_START || run.cancelled() || run.hitStops(s)) {
                return ctx.stopped(s, true);
            }
        }
    }

    Stop reverseToLastWrite(long address, long length) throws McdException {
        run.clearPause();
        TimeTravel.StopInfo info = tt(0, "go back to the last write").reverseToLastWrite(address, length);
        int hart = info.hart() >= 0 && info.hart() < ctx.machine.harts() ? info.hart() : 0;
        boolean found = info.reason().contains(" wrote ");
        Stop s = stops.here(found ? StopReason.WATCHPOINT : run.cancelled() ? StopReason.PAUSE
                : StopReason.HISTORY_START, hart, info.reason());
        return ctx.stopped(found ? new Stop(StopReason.WATCHPOINT, s.hart(), s.time(), s.pc(), 0,
                new Stop.Watch(address, (int) length, Stop.Access.WRITE), 0, 0, 0, s.description()) : s, true);
    }

    Stop goToTime(long time) throws McdException {
        run.clearPause();
        TimeTravel tt = tt(0, "go to a time");
        if (time < tt.earliestTime()) {
            throw new DebugException("time " + time + " is before the recorded history (earliest "
                    + tt.earliestTime() + ")");
        }
        if (time > ctx.frontier) {
            tt.goToTime(ctx.frontier);
            ctx.console.live(true);
            try {
                tt.goToTime(time);
            } finally {
                ctx.console.live(false);
            }
        } else {
            tt.goToTime(time);
        }
        return done(ctx.lastStop.hart(), StopReason.GOTO);
    }

    Bookmark addBookmark(String name) throws McdException {
        TimeTravel.Bookmark b = tt(0, "add a bookmark").addBookmark(name);
        bookmarksChanged();
        return new Bookmark(b.name(), b.time());
    }

    List<Bookmark> bookmarks() {
        List<Bookmark> out = new ArrayList<>();
        ctx.machine.travel(0).ifPresent(tt -> tt.bookmarks().forEach(b -> out.add(new Bookmark(b.name(), b.time()))));
        return out;
    }

    Stop goToBookmark(String name) throws McdException {
        run.clearPause();
        tt(0, "go to a bookmark").goToBookmark(name);
        return done(ctx.lastStop.hart(), StopReason.GOTO);
    }

    void renameBookmark(String name, String newName) throws McdException {
        TimeTravel tt = tt(0, "rename a bookmark");
        Bookmark b = bookmarks().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new DebugException("no bookmark '" + name + "'"));
        long now = ctx.time();
        if (b.time() != now) {
            tt.goToTime(b.time());
        }
        tt.addBookmark(newName);
        tt.deleteBookmark(name);
        if (b.time() != now) {
            tt.goToTime(now);
        }
        bookmarksChanged();
    }

    void deleteBookmark(String name) throws McdException {
        tt(0, "delete a bookmark").deleteBookmark(name);
        bookmarksChanged();
    }

    long saveRecording(java.nio.file.Path file) throws McdException {
        return tt(0, "save a recording").saveRecording(file);
    }

    private void bookmarksChanged() {
        ctx.publish(new SessionEvent.BookmarksChanged(ctx.id, bookmarks()));
    }

    /** The stop after a time-travel operation, for {@code hart}; HISTORY_START when it is at the earliest time. */
    private Stop done(int hart, StopReason reason) throws McdException {
        long earliest = ctx.machine.travel(0).map(t -> {
            try {
                return t.earliestTime();
            } catch (McdException e) {
                throw new DebugException("cannot read the start of history: " + e.getMessage(), e);
            }
        }).orElse(0L);
        StopReason r = reason != StopReason.GOTO && reason != StopReason.PAUSE && ctx.time() <= earliest
                ? StopReason.HISTORY_START : reason;
        return ctx.stopped(stops.here(r, hart, null), true);
    }
}
