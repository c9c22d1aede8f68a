package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The history side of a {@link TimeMachine}: the parts it is wired from, where in time the machine is, bookmarks,
 * explicit snapshots and accounting. Package-private: its public methods are {@link TimeMachine}'s (documented
 * there by javadoc as its own), split out only to keep one concern per file.
 */
abstract class TravelHistory {

    final Machine m;
    final TravelConfig config;
    final InputLog input;
    final History history;
    final Bookmarks marks;
    final Frontier frontier;
    final Navigator nav;
    final Replayer replayer;
    final StateChanges changes;

    TravelHistory(Machine machine, TravelConfig config, InputLog input, Replayer.Gate gate) {
        this.m = Objects.requireNonNull(machine, "machine");
        this.config = Objects.requireNonNull(config, "config").fittingHeap(Runtime.getRuntime().maxMemory());
        this.input = input;
        this.history = new History(config, (int) (machine.config().ramSize() >>> 12), machine.hartCount());
        this.marks = new Bookmarks(history);
        this.frontier = new Frontier(machine, history, gate, config);
        this.replayer = new Replayer(machine, history, gate, frontier::newest, this.config);
        this.nav = new Navigator(machine, history, this.replayer, frontier, gate);
        this.changes = new StateChanges(machine, history, frontier, marks, input);
        history.add(machine.snapshot(), true, machine.time());
        machine.plugins().replaySource(() -> !gate.open);
    }

    /** Tells the machine's plugins where a reverse operation or a jump in time arrived. */
    final TravelResult landed(TravelResult r) {
        if (m.plugins().active()) {
            m.plugins().landed(m.time());
        }
        return r;
    }

    /** The input log the machine reads (empty optional for a machine wrapped with the constructor). */
    public Optional<InputLog> input() {
        return Optional.ofNullable(input);
    }

    /** The machine. Run it only through this time machine; read its state and set triggers freely. */
    public Machine machine() {
        return m;
    }

    /** The configuration in effect: as given, with the budget cut to half the JVM's maximum heap if larger. */
    public TravelConfig config() {
        return config;
    }

    /**
     * The automatic snapshot interval in effect now (between {@link TravelConfig#snapshotInterval()} and
     * {@link TravelConfig#maxInterval()}, following the guest's dirty-page rate; see {@link SnapshotSchedule}).
     */
    public long snapshotInterval() {
        return frontier.schedule().interval();
    }

    // ---- time ----

    /** Global virtual time now. */
    public long time() {
        return m.time();
    }

    /** Instructions retired by {@code hart} now. */
    public long retired(int hart) {
        return m.retired(hart);
    }

    /** Earliest reachable virtual time (the oldest snapshot). */
    public long earliestTime() {
        return nav.earliestTime();
    }

    /** The frontier: the newest point of history. Beyond it, execution is live. */
    public long newestTime() {
        return frontier.newest();
    }

    /** Whether the machine is behind the frontier (running forward replays history). */
    public boolean inPast() {
        return m.time() < frontier.newest();
    }

    // ---- bookmarks ----

    /**
     * Names the current time (pinning a snapshot there so going to it is cheap). Replaces a bookmark of the
     * same name.
     */
    public Bookmark addBookmark(String name, String description) {
        Bookmark b = new Bookmark(name, description == null ? "" : description, m.time());
        return marks.add(b, frontier.pointHere(), m.time());
    }

    /**
     * Adds a bookmark at an arbitrary reachable time (e.g. loaded from a recording); no snapshot is pinned.
     * Replaces a bookmark of the same name.
     */
    public Bookmark addBookmarkAt(String name, String description, long time) {
        Bookmark b = new Bookmark(name, description == null ? "" : description, time);
        if (time < earliestTime()) {
            throw new IllegalArgumentException("time " + time + " is before the earliest point of history");
        }
        return marks.add(b, null, m.time());
    }

    /** Bookmarks ordered by time, then name. */
    public List<Bookmark> bookmarks() {
        return marks.list();
    }

    public Optional<Bookmark> bookmark(String name) {
        return marks.get(name);
    }

    /** @throws IllegalArgumentException if there is no bookmark {@code from} or {@code to} is taken */
    public Bookmark renameBookmark(String from, String to) {
        return marks.rename(from, to);
    }

    /** @throws IllegalArgumentException if there is no such bookmark */
    public Bookmark describeBookmark(String name, String description) {
        return marks.describe(name, description);
    }

    /** @throws IllegalArgumentException if there is no such bookmark */
    public void deleteBookmark(String name) {
        marks.existing(name);
        marks.delete(name, m.time());
    }

    /** @throws IllegalArgumentException if there is no such bookmark */
    public TravelResult goToBookmark(String name) {
        Bookmark b = marks.existing(name);
        TravelResult r = landed(nav.goToTime(b.time()));
        return new TravelResult(r.kind(), r.time(), r.hart(), r.stop(), "at bookmark " + name + " (time " + r.time()
                + ")");
    }

    // ---- explicit snapshots ----

    /** Takes (or reuses) a snapshot now that thinning never removes; returns its time. */
    public long pinSnapshot() {
        return marks.pin(frontier.pointHere());
    }

    /** Lets thinning remove the explicit snapshot at {@code time}; false if there was none. */
    public boolean unpinSnapshot(long time) {
        return marks.unpin(time, m.time());
    }

    // ---- accounting ----

    public HistoryStats stats() {
        return history.stats(frontier.newest());
    }
}
