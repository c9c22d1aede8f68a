package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Time travel over engine snapshots and deterministic replay (see {@link History}). All
 * operations run with the machine paused; triggers are disarmed while replaying to a known
 * point and armed while searching for the last hit (reverse watchpoints and breakpoints).
 */
final class TimeTravelImpl implements TimeTravel {
    private final Target target;
    private final int hart;
    private final Map<String, Long> bookmarks;

    TimeTravelImpl(Target target, int hart, Map<String, Long> sharedBookmarks) {
        this.target = target;
        this.hart = hart;
        this.bookmarks = sharedBookmarks;
    }

    private Engine engine() {
        return target.engine;
    }

    @Override
    public boolean available() {
        return target.history.enabled();
    }

    private void require() throws McdException {
        if (!available()) {
            throw new McdException(McdErrorCode.FN_UNIMPLEMENTED, "time travel is disabled (no snapshot interval)");
        }
    }

    @Override
    public long earliestTime() throws McdException {
        require();
        return target.paused(target.history::earliest);
    }

    @Override
    public StopInfo reverseStep(int n) throws McdException {
        require();
        if (n < 0) {
            throw McdException.param("negative step count");
        }
        return target.paused(() -> {
            long goal = Math.max(0, engine().retired(hart) - n);
            History.Point p = target.history.beforeRetired(hart, goal);
            if (p == null) {
                throw new McdException(McdErrorCode.GENERAL, "no history before that point");
            }
            replay(() -> {
                engine().restore(p.snapshot());
                while (engine().retired(hart) < goal) {
                    Engine.Stop s = engine().stepHart(hart);
                    if (s.kind() == Engine.Kind.EXITED || s.kind() == Engine.Kind.DEADLOCK) {
                        break;
                    }
                }
            });
            return stopped(new StopState.StopRecord(hart, "reverse step"));
        });
    }

    @Override
    public StopInfo reverseContinue() throws McdException {
        require();
        return target.paused(() -> {
            long now = engine().time();
            for (History.Point p : target.history.before(now)) {
                Hit hit = lastHitBetween(p, now);
                if (hit != null) {
                    goTo(hit.time());
                    return stopped(hit.stop());
                }
                now = p.time();
            }
            goTo(target.history.earliest());
            return stopped(new StopState.StopRecord(hart, "reverse continue reached the start of history"));
        });
    }

    @Override
    public StopInfo reverseToLastWrite(long addr, long len) throws McdException {
        require();
        if (len < 1 || addr + len - 1 < addr) {
            throw McdException.param("bad address range 0x" + Long.toHexString(addr) + " + " + len);
        }
        return target.paused(() -> {
            long now = engine().time();
            target.engine.watchpoint(addr, len, TriggerTable.WATCH_WRITE, true);
            Hit hit = null;
            try {
                for (History.Point p : target.history.before(now)) {
                    hit = lastWriteBetween(p, now, addr, len);
                    if (hit != null) {
                        break;
                    }
                    now = p.time();
                }
            } finally {
                target.engine.watchpoint(addr, len, TriggerTable.WATCH_WRITE, false);
            }
            if (hit == null) {
                goTo(target.history.earliest());
                return stopped(new StopState.StopRecord(hart, "no write to 0x" + Long.toHexString(addr) + " (" + len
                        + " bytes) since the start of history"));
            }
            goTo(hit.time());
            return stopped(hit.stop());
        });
    }

    private record Hit(long time, StopState.StopRecord stop) {
    }

    /** The last trigger stop in [p.time, end), replaying with triggers armed; null if none. */
    private Hit lastHitBetween(History.Point p, long end) {
        engine().restore(p.snapshot());
        Hit last = null;
        while (engine().time() < end) {
            Engine.Stop s = engine().runUntilTime(end);
            StopState.StopRecord r = target.evaluateSync(s);
            if (r != null && r.trigId() != 0 && engine().time() < end) {
                last = new Hit(engine().time(), r);
            } else if (s.kind() != Engine.Kind.BREAKPOINT && s.kind() != Engine.Kind.WATCHPOINT) {
                break;
            }
        }
        return last;
    }

    /** The last guest store into [addr, addr+len) that retired in [p.time, end); null if none. */
    private Hit lastWriteBetween(History.Point p, long end, long addr, long len) {
        engine().restore(p.snapshot());
        Hit last = null;
        while (engine().time() < end) {
            Engine.Stop s = engine().runUntilTime(end);
            if (s.kind() == Engine.Kind.WATCHPOINT && s.accessKind() == TriggerTable.WATCH_WRITE
                    && Long.compareUnsigned(s.address() + Math.max(s.size(), 1) - 1, addr) >= 0
                    && Long.compareUnsigned(s.address(), addr + len - 1) <= 0 && engine().time() < end) {
                last = new Hit(engine().time(), new StopState.StopRecord(s.hart(), 0, -1, "hart " + s.hart()
                        + " wrote " + s.size() + " bytes at 0x" + Long.toHexString(s.address()) + " value 0x"
                        + Long.toHexString(s.value()), false));
            } else if (s.kind() != Engine.Kind.BREAKPOINT && s.kind() != Engine.Kind.WATCHPOINT) {
                break;
            }
        }
        return last;
    }

    @Override
    public StopInfo goToTime(long time) throws McdException {
        require();
        return target.paused(() -> {
            goTo(time);
            return stopped(new StopState.StopRecord(hart, "go to time " + time));
        });
    }

    /** Replay (triggers disarmed) from the nearest earlier snapshot to {@code time}. */
    private void goTo(long time) throws McdException {
        History.Point p = target.history.atOrBefore(time);
        if (p == null) {
            throw McdException.param("time " + time + " is before the recorded history");
        }
        replay(() -> {
            engine().restore(p.snapshot());
            while (engine().time() < time) {
                Engine.Stop s = engine().runUntilTime(time);
                if (s.kind() == Engine.Kind.EXITED || s.kind() == Engine.Kind.DEADLOCK) {
                    break;
                }
            }
        });
    }

    private void replay(Runnable r) {
        target.triggers.armAll(false);
        try {
            r.run();
        } finally {
            target.triggers.armAll(true);
        }
    }

    private StopInfo stopped(StopState.StopRecord r) {
        long t = engine().time();
        target.recordStop(new StopState.StopRecord(r.hart(), r.trigId(), r.owner(), r.reason() + " at time " + t,
                false), hart, true);
        target.notifyListeners(dev.rewind.mcd.api.CoreEvent.STOPPED.bit());
        return new StopInfo(t, r.hart(), r.trigId(), r.reason());
    }

    @Override
    public Bookmark addBookmark(String name) throws McdException {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw McdException.param("a bookmark name must be one non-empty word");
        }
        long t = target.paused(() -> engine().time());
        synchronized (bookmarks) {
            bookmarks.put(name, t);
        }
        return new Bookmark(name, t);
    }

    @Override
    public StopInfo goToBookmark(String name) throws McdException {
        Long t;
        synchronized (bookmarks) {
            t = bookmarks.get(name);
        }
        if (t == null) {
            throw McdException.param("no bookmark named " + name);
        }
        return goToTime(t);
    }

    @Override
    public void deleteBookmark(String name) throws McdException {
        synchronized (bookmarks) {
            if (bookmarks.remove(name) == null) {
                throw McdException.param("no bookmark named " + name);
            }
        }
    }

    @Override
    public List<Bookmark> bookmarks() {
        List<Bookmark> out = new ArrayList<>();
        synchronized (bookmarks) {
            for (Map.Entry<String, Long> e : new TreeMap<>(bookmarks).entrySet()) {
                out.add(new Bookmark(e.getKey(), e.getValue()));
            }
        }
        out.sort(Comparator.comparingLong(Bookmark::time).thenComparing(Bookmark::name));
        return out;
    }
}
