package dev.rewind.eclipse.ui.views;

import dev.rewind.bus.EventBus;
import dev.rewind.debug.bus.SessionBusEvents;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.trace.TraceBatch;
import dev.rewind.trace.TraceCut;
import dev.rewind.trace.TraceFunctions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Per-hart lanes of what the event bus says about the followed session: trace batches (blocks, calls, returns, memory
 * accesses, traps) when the session records a trace, and its stops and runs; the session's past only: after time
 * travel back the lanes end at the new now, and when the past is changed what came after it goes. Subscribed on the
 * bus ({@code dev/rewind/trace/batch}, {@code .../functions}, {@code .../cut}, {@code dev/rewind/session/stopped},
 * {@code .../running}, {@code .../invalidated}).
 */
public final class TraceView extends RewindView {

    public static final String ID = "dev.rewind.eclipse.ui.trace";
    static final int LANE = 28;
    static final int LEFT = 60;
    /** Traces whose function names are kept (they come once per trace, when its session starts). */
    static final int NAMED_TRACES = 8;

    private Canvas canvas;
    private final TraceLanes lanes = new TraceLanes();
    private ServiceTracker<EventBus, EventBus> tracker;
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    /** Function names (address to name) of the newest traces, by trace (session) id. */
    private final Map<String, Map<Long, String>> functions = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Long, String>> eldest) {
            return size() > NAMED_TRACES;
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea()));
        subscribe();
        hookListeners();
    }

    /** Subscribes whenever an event bus comes up (the Rewind bundles may start after the view opened). */
    private void subscribe() {
        BundleContext bc = FrameworkUtil.getBundle(TraceView.class).getBundleContext();
        if (bc == null) {
            return;
        }
        tracker = new ServiceTracker<>(bc, EventBus.class, null) {
            @Override
            public EventBus addingService(ServiceReference<EventBus> reference) {
                EventBus bus = super.addingService(reference);
                if (bus != null) {
                    subscribe(bus);
                }
                return bus;
            }
        };
        tracker.open();
    }

    private synchronized void subscribe(EventBus bus) {
        subscriptions.add(bus.subscribe(SessionBusEvents.Stopped.class, s -> {
            if (followed(s.session())) {
                lanes.stop(s.hart(), s.time(), s.reason());
                redraw();
            }
        }));
        subscriptions.add(bus.subscribe(SessionBusEvents.Running.class, r -> {
            if (followed(r.session())) {
                lanes.running(r.time());
                redraw();
            }
        }));
        subscriptions.add(bus.subscribe(SessionBusEvents.Invalidated.class, i -> {
            if (followed(i.session())) {
                lanes.at(i.time());
                redraw();
            }
        }));
        subscriptions.add(bus.subscribe(TraceFunctions.class, this::named));
        subscriptions.add(bus.subscribe(TraceBatch.class, b -> {
            if (followed(b.trace())) {
                lanes.batch(b, functionsOf(b.trace()));
                redraw();
            }
        }));
        subscriptions.add(bus.subscribe(TraceCut.class, c -> {
            if (followed(c.trace())) {
                lanes.cut(c.time());
                redraw();
            }
        }));
    }

    /** Keeps a trace's function names, whichever session the view follows (they come before its target exists). */
    private void named(TraceFunctions f) {
        String[] names = f.names().split("\n", -1);
        Map<Long, String> byAddress = new java.util.HashMap<>();
        for (int i = 0; i < f.addresses().length && i < names.length; i++) {
            byAddress.put(f.addresses()[i], names[i]);
        }
        synchronized (functions) {
            functions.put(f.trace(), Map.copyOf(byAddress));
        }
    }

    private Map<Long, String> functionsOf(String trace) {
        synchronized (functions) {
            return functions.getOrDefault(trace, Map.of());
        }
    }

    private boolean followed(String session) {
        RewindDebugTarget t = followedTarget();
        return t == null || t.session().id().equals(session);
    }

    private void redraw() {
        ui(canvas::redraw);
    }

    /** The lanes' content (for tests and exports). */
    public TraceLanes lanes() {
        return lanes;
    }

    @Override
    protected Control control() {
        return canvas;
    }

    @Override
    protected void targetChanged(RewindDebugTarget t) {
        lanes.reset(t.session().harts());
        lanes.stop(t.lastStop().hart(), t.lastStop().time(), t.lastStop().reason().name());
    }

    @Override
    protected void refresh(RewindDebugTarget t) {
        canvas.redraw();
    }

    private void paint(GC gc, Rectangle r) {
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(r);
        TraceLanes.Snapshot s = lanes.snapshot();
        long span = Math.max(1, s.maxTime() - s.minTime());
        int width = Math.max(1, r.width - LEFT - 10);
        for (int h = 0; h < s.harts(); h++) {
            int y = 10 + h * LANE;
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText("hart " + h, 4, y + 4, true);
            gc.drawLine(LEFT, y + LANE - 4, LEFT + width, y + LANE - 4);
        }
        for (TraceLanes.Mark m : s.marks()) {
            if (m.hart() < 0 || m.hart() >= s.harts()) {
                continue;
            }
            int x = LEFT + (int) (width * (double) (m.time() - s.minTime()) / span);
            int y = 10 + m.hart() * LANE;
            gc.setBackground(canvas.getDisplay().getSystemColor(m.color()));
            gc.fillRectangle(x, y + 4, Math.max(2, m.width()), LANE - 10);
        }
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.drawText(s.marks().size() + " events, t=" + s.minTime() + ".." + s.maxTime() + s.note(), LEFT,
                10 + s.harts() * LANE, true);
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        if (tracker != null) {
            tracker.close();
        }
        synchronized (this) {
            subscriptions.forEach(EventBus.Subscription::close);
            subscriptions.clear();
        }
        super.dispose();
    }
}
