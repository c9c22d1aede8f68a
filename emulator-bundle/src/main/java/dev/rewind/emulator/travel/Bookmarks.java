package dev.rewind.emulator.travel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bookmarks and explicit snapshot pins of a {@link TimeMachine}, with the history points they pin so that
 * going to them costs at most one short replay. Sorted maps only: iteration order is deterministic.
 */
final class Bookmarks {

    private final History history;
    private final TreeMap<String, Bookmark> byName = new TreeMap<>();
    private final TreeMap<String, History.Point> pinOf = new TreeMap<>();
    private final TreeMap<Long, Integer> explicitPins = new TreeMap<>();

    Bookmarks(History history) {
        this.history = history;
    }

    /** Adds (replacing one of the same name), pinning {@code point} unless it is null. */
    Bookmark add(Bookmark b, History.Point point, long now) {
        delete(b.name(), now);
        byName.put(b.name(), b);
        if (point != null) {
            history.pin(point);
            pinOf.put(b.name(), point);
        }
        return b;
    }

    List<Bookmark> list() {
        List<Bookmark> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparingLong(Bookmark::time).thenComparing(Bookmark::name));
        return out;
    }

    Optional<Bookmark> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Bookmark existing(String name) {
        Bookmark b = byName.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no bookmark named '" + name + "'");
        }
        return b;
    }

    Bookmark rename(String from, String to) {
        Bookmark b = existing(from);
        Bookmark.checkName(to);
        if (!from.equals(to) && byName.containsKey(to)) {
            throw new IllegalArgumentException("a bookmark named '" + to + "' exists already");
        }
        Bookmark renamed = new Bookmark(to, b.description(), b.time());
        byName.remove(from);
        byName.put(to, renamed);
        History.Point p = pinOf.remove(from);
        if (p != null) {
            pinOf.put(to, p);
        }
        return renamed;
    }

    Bookmark describe(String name, String description) {
        Bookmark b = existing(name);
        Bookmark d = new Bookmark(name, description == null ? "" : description, b.time());
        byName.put(name, d);
        return d;
    }

    /** Removes the bookmark if present, releasing its pin. */
    void delete(String name, long now) {
        byName.remove(name);
        History.Point p = pinOf.remove(name);
        if (p != null) {
            history.unpin(p, now);
        }
    }

    /** Pins {@code p} explicitly; returns its time. */
    long pin(History.Point p) {
        history.pin(p);
        explicitPins.merge(p.time, 1, Integer::sum);
        return p.time;
    }

    boolean unpin(long time, long now) {
        Integer n = explicitPins.get(time);
        if (n == null) {
            return false;
        }
        if (n == 1) {
            explicitPins.remove(time);
        } else {
            explicitPins.put(time, n - 1);
        }
        History.Point p = history.at(time);
        if (p != null) {
            history.unpin(p, now);
        }
        return true;
    }

    /** Forgets bookmarks after {@code now} and explicit pins after it; returns the dropped bookmarks. */
    List<Bookmark> dropAfter(long now) {
        List<Bookmark> dropped = new ArrayList<>();
        for (Bookmark b : list()) {
            if (b.time() > now) {
                dropped.add(b);
                delete(b.name(), now);
            }
        }
        explicitPins.tailMap(now, false).clear();
        return dropped;
    }

    /** After the points at and after {@code now} were replaced by {@code np}: move their pins to it. */
    void repin(long now, History.Point np) {
        for (var e : pinOf.entrySet()) {
            if (e.getValue().time >= now) {
                e.setValue(np);
                history.pin(np);
            }
        }
        Integer n = explicitPins.get(now);
        for (int i = 0; n != null && i < n; i++) {
            history.pin(np);
        }
    }
}
