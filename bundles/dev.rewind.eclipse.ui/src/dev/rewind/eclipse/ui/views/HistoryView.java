package dev.rewind.eclipse.ui.views;

import dev.rewind.debug.Bookmark;
import dev.rewind.debug.SessionEvent;
import dev.rewind.debug.Stop;
import dev.rewind.debug.TimeInfo;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.ui.commands.ReverseJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * The session's time line: the history kept (earliest to frontier), now, the stops seen while the view was open
 * and the bookmarks. A click goes to that time (in a cancellable job).
 */
public final class HistoryView extends RewindView {

    public static final String ID = "dev.rewind.eclipse.ui.history";
    static final int MARGIN = 20;

    private Canvas canvas;
    private final List<Stop> stops = new CopyOnWriteArrayList<>();
    private volatile List<Bookmark> bookmarks = List.of();
    private volatile TimeInfo time;

    @Override
    public void createPartControl(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea()));
        canvas.addListener(SWT.MouseDown, e -> goTo(timeAt(e.x)));
        hookListeners();
    }

    @Override
    protected Control control() {
        return canvas;
    }

    @Override
    protected void targetChanged(RewindDebugTarget t) {
        stops.clear();
        stops.add(t.lastStop());
    }

    @Override
    protected void sessionEvent(SessionEvent e) {
        if (e instanceof SessionEvent.Stopped s) {
            stops.add(s.stop());
        }
        scheduleRefresh();
    }

    /** The stops on the time line. */
    public List<Stop> stops() {
        return new ArrayList<>(stops);
    }

    public List<Bookmark> bookmarks() {
        return bookmarks;
    }

    /** The history range and now, or null before the first refresh. */
    public TimeInfo time() {
        return time;
    }

    @Override
    protected void refresh(RewindDebugTarget t) {
        if (t == null) {
            canvas.redraw();
            return;
        }
        t.session().time().thenCombine(t.session().bookmarks(), (ti, bm) -> {
            ui(() -> {
                time = ti;
                bookmarks = List.copyOf(bm);
                canvas.redraw();
            });
            return null;
        }).exceptionally(e -> null);
    }

    /** The virtual time at an x position of the canvas. */
    public long timeAt(int x) {
        TimeInfo ti = time;
        if (ti == null) {
            return 0;
        }
        int w = Math.max(1, canvas.getClientArea().width - 2 * MARGIN);
        double f = Math.max(0, Math.min(1, (x - MARGIN) / (double) w));
        return ti.earliest() + Math.round(f * (ti.frontier() - ti.earliest()));
    }

    private int xOf(long t, Rectangle r, TimeInfo ti) {
        long span = Math.max(1, ti.frontier() - ti.earliest());
        return MARGIN + (int) ((r.width - 2 * MARGIN) * (double) (t - ti.earliest()) / span);
    }

    /** Goes to a time in a cancellable job. */
    public ReverseJob goTo(long when) {
        RewindDebugTarget t = target();
        if (t == null || !t.canReverse()) {
            return null;
        }
        ReverseJob job = new ReverseJob("Go to time " + when, t, () -> t.stepper().goToTime(t.thread(0), when));
        job.schedule();
        return job;
    }

    private void paint(GC gc, Rectangle r) {
        TimeInfo ti = time;
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(r);
        if (ti == null) {
            gc.drawText("No Rewind session", MARGIN, MARGIN, true);
            return;
        }
        int y = r.height / 2;
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.setLineWidth(3);
        gc.drawLine(MARGIN, y, r.width - MARGIN, y);
        gc.setLineWidth(1);
        gc.drawText("t=" + ti.earliest(), MARGIN, y + 14, true);
        String end = "t=" + ti.frontier();
        gc.drawText(end, r.width - MARGIN - gc.textExtent(end).x, y + 14, true);
        for (Stop s : stops) {
            int x = xOf(s.time(), r, ti);
            gc.setBackground(canvas.getDisplay().getSystemColor(switch (s.reason()) {
                case BREAKPOINT -> SWT.COLOR_RED;
                case WATCHPOINT -> SWT.COLOR_DARK_YELLOW;
                case STEP -> SWT.COLOR_BLUE;
                default -> SWT.COLOR_DARK_GREEN;
            }));
            gc.fillOval(x - 3, y - 3, 7, 7);
        }
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_MAGENTA));
        for (Bookmark b : bookmarks) {
            int x = xOf(b.time(), r, ti);
            gc.drawLine(x, y - 24, x, y);
            gc.drawText(b.name(), x + 2, y - 30, true);
        }
        int now = xOf(ti.now(), r, ti);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_RED));
        gc.setLineWidth(2);
        gc.drawLine(now, y - 12, now, y + 12);
        gc.setLineWidth(1);
        gc.drawText("now t=" + ti.now() + "  (" + stops.size() + " stops, " + bookmarks.size() + " bookmarks)",
                MARGIN, MARGIN / 2, true);
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }
}
