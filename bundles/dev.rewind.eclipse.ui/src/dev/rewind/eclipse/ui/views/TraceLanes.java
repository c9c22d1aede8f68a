package dev.rewind.eclipse.ui.views;

import dev.rewind.trace.TraceBatch;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;

/** What the Trace view draws: marks per hart in virtual time, bounded per hart (the oldest go first). Thread-safe. */
public final class TraceLanes {

    static final int MAX_MARKS_PER_HART = 8_000;

    /** A mark on a hart's lane. */
    public record Mark(int hart, long time, String label, int color, int width) {
    }

    /** A consistent copy for painting. */
    public record Snapshot(int harts, List<Mark> marks, long minTime, long maxTime, String note) {
    }

    private final java.util.Map<Integer, java.util.ArrayDeque<Mark>> lanes = new java.util.TreeMap<>();
    private int harts = 1;
    private String note = "";

    synchronized void reset(int n) {
        lanes.clear();
        harts = Math.max(1, n);
    }

    synchronized void note(String text) {
        note = " (" + text + ")";
    }

    synchronized void stop(int hart, long time, String reason) {
        add(new Mark(hart, time, reason, SWT.COLOR_RED, 3));
    }

    synchronized void running(long time) {
        for (int h = 0; h < harts; h++) {
            add(new Mark(h, time, "run", SWT.COLOR_DARK_GREEN, 2));
        }
    }

    synchronized void batch(TraceBatch b) {
        for (int i = 0; i < b.times().length; i++) {
            int kind = (int) (b.kinds()[i] & 0xff);
            int color = switch (kind) {
                case 0 -> SWT.COLOR_GRAY;
                case 1, 2 -> SWT.COLOR_BLUE;
                case 3, 4 -> SWT.COLOR_MAGENTA;
                case 5, 6 -> SWT.COLOR_DARK_YELLOW;
                default -> SWT.COLOR_DARK_CYAN;
            };
            add(new Mark(b.hart(), b.times()[i], "kind " + kind, color, 1));
        }
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
        lanes.values().forEach(marks::addAll);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Mark m : marks) {
            min = Math.min(min, m.time());
            max = Math.max(max, m.time());
        }
        return new Snapshot(harts, marks, marks.isEmpty() ? 0 : min, marks.isEmpty() ? 1 : max, note);
    }

    /** Marks per hart so far. */
    public synchronized int[] perHart() {
        int[] n = new int[harts];
        lanes.forEach((h, lane) -> {
            if (h >= 0 && h < n.length) {
                n[h] = lane.size();
            }
        });
        return n;
    }
}
