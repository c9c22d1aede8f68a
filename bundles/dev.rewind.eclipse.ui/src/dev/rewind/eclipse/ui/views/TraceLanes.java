package dev.rewind.eclipse.ui.views;

import dev.rewind.trace.EventKind;
import dev.rewind.trace.TraceBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;

/**
 * What the Trace view draws: marks per hart in virtual time, bounded per hart (the oldest go first), and the past of
 * the session's "now" only: marks later than now stay (replayed history is not posted again, so running forward over
 * them shows them again) but are not shown, and a change of the past drops them ({@link #cut}). Thread-safe.
 */
public final class TraceLanes {

    static final int MAX_MARKS_PER_HART = 8_000;

    /** A mark on a hart's lane; a trace event's label is its kind ({@code entry NAME} for a function entry). */
    public record Mark(int hart, long time, String label, int color, int width) {
    }

    /** A consistent copy for painting: the marks up to now. */
    public record Snapshot(int harts, List<Mark> marks, long minTime, long maxTime, String note) {
    }

    private final java.util.Map<Integer, java.util.ArrayDeque<Mark>> lanes = new java.util.TreeMap<>();
    private int harts = 1;
    private String note = "";
    /** The session's time when it is stopped; while it runs, no bound. */
    private long now = Long.MAX_VALUE;

    synchronized void reset(int n) {
        lanes.clear();
        harts = Math.max(1, n);
        now = Long.MAX_VALUE;
    }

    synchronized void note(String text) {
        note = " (" + text + ")";
    }

    /** The session stopped at {@code time} (forwards or after time travel): now is there. */
    synchronized void stop(int hart, long time, String reason) {
        now = time;
        add(new Mark(hart, time, reason, SWT.COLOR_RED, 3));
    }

    /** The session is at {@code time} (time travel, a write): now is there. */
    synchronized void at(long time) {
        now = time;
    }

    synchronized void running(long time) {
        for (int h = 0; h < harts; h++) {
            add(new Mark(h, time, "run", SWT.COLOR_DARK_GREEN, 2));
        }
        now = Long.MAX_VALUE;
    }

    /** The past was changed at {@code time}: what came after it is another timeline's. */
    synchronized void cut(long time) {
        for (java.util.ArrayDeque<Mark> lane : lanes.values()) {
            lane.removeIf(m -> m.time() > time);
        }
    }

    /** Adds a trace batch; {@code functions} names the functions entered (address to name). */
    synchronized void batch(TraceBatch b, Map<Long, String> functions) {
        for (int i = 0; i < b.times().length; i++) {
            int kind = (int) (b.kinds()[i] & 0xff);
            int color = switch (kind) {
                case 0 -> SWT.COLOR_GRAY;
                case 1, 2 -> SWT.COLOR_BLUE;
                case 3, 4 -> SWT.COLOR_MAGENTA;
                case 5, 6 -> SWT.COLOR_DARK_YELLOW;
                default -> SWT.COLOR_DARK_CYAN;
            };
            add(new Mark(b.hart(), b.times()[i], label(kind, b.a()[i], functions), color, 1));
        }
    }

    private static String label(int kind, long a, Map<Long, String> functions) {
        EventKind k = kind < EventKind.values().length ? EventKind.of(kind) : null;
        if (k == null) {
            return "kind " + kind;
        }
        String name = k.name().toLowerCase(java.util.Locale.ROOT);
        if (k == EventKind.ENTRY) {
            String f = functions.get(a);
            return name + " " + (f != null ? f : "0x" + Long.toHexString(a));
        }
        return name;
    }

    private void add(Mark m) {
        harts = Math.max(harts, m.hart() + 1);
        java.util.ArrayDeque<Mark> lane = lanes.computeIfAbsent(m.hart(), h -> new java.util.ArrayDeque<>());
        lane.addLast(m);
        if (lane.size() > MAX_MARKS_PER_HART) {
            lane.removeFirst();
        }
    }

    public synchronized Snapshot snapshot() {
        List<Mark> marks = new ArrayList<>();
        lanes.values().forEach(lane -> lane.stream().filter(m -> m.time() <= now).forEach(marks::add));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Mark m : marks) {
            min = Math.min(min, m.time());
            max = Math.max(max, m.time());
        }
        return new Snapshot(harts, marks, marks.isEmpty() ? 0 : min, marks.isEmpty() ? 1 : max, note);
    }

    /** Marks per hart shown now. */
    public synchronized int[] perHart() {
        int[] n = new int[harts];
        lanes.forEach((h, lane) -> {
            if (h >= 0 && h < n.length) {
                n[h] = (int) lane.stream().filter(m -> m.time() <= now).count();
            }
        });
        return n;
    }
}
