package dev.rewind.eclipse.ui.views;

import dev.rewind.debug.SessionEvent;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.ui.RewindContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.contexts.IDebugContextListener;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;

/**
 * Base of Rewind's views: follows the current Rewind target (Debug view selection, else the newest session) and
 * its session events; refreshes are coalesced and run on the UI thread, the data they show comes from futures.
 */
public abstract class RewindView extends ViewPart {

    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final IDebugEventSetListener debugEvents = events -> {
        for (DebugEvent e : events) {
            if (e.getKind() != DebugEvent.MODEL_SPECIFIC) {
                scheduleRefresh();
                return;
            }
        }
    };
    private final IDebugContextListener contextListener = e -> scheduleRefresh();
    private volatile RewindDebugTarget target;
    private AutoCloseable sessionListener;

    /** The control whose display the view refreshes on. */
    protected abstract Control control();

    /** Shows the target's state (UI thread); null when there is no Rewind session. Fetch with futures only. */
    protected abstract void refresh(RewindDebugTarget target);

    /** A session event of the followed target (listener thread); refreshes by default. */
    protected void sessionEvent(SessionEvent e) {
        scheduleRefresh();
    }

    protected void hookListeners() {
        DebugPlugin.getDefault().addDebugEventListener(debugEvents);
        DebugUITools.getDebugContextManager().addDebugContextListener(contextListener);
        scheduleRefresh();
    }

    /** The followed target (any thread), or null. */
    protected RewindDebugTarget followedTarget() {
        return target;
    }

    /** The followed target; before the first refresh, the current one. */
    public RewindDebugTarget target() {
        RewindDebugTarget t = target;
        return t != null ? t : RewindContext.target().orElse(null);
    }

    /** Runs on the UI thread later, unless the view is gone by then. */
    protected void ui(Runnable r) {
        Control c = control();
        if (c == null || c.isDisposed()) {
            return;
        }
        c.getDisplay().asyncExec(() -> {
            if (!c.isDisposed()) {
                r.run();
            }
        });
    }

    /** Asks for a refresh; many requests before it runs make one. */
    public void scheduleRefresh() {
        if (refreshQueued.compareAndSet(false, true)) {
            ui(() -> {
                refreshQueued.set(false);
                follow(RewindContext.target().orElse(null));
                refresh(target);
            });
        }
    }

    private void follow(RewindDebugTarget t) {
        if (t == target) {
            return;
        }
        closeSessionListener();
        target = t;
        if (t != null) {
            sessionListener = t.session().addListener(this::sessionEvent);
            targetChanged(t);
        }
    }

    /** A new target is followed (UI thread). */
    protected void targetChanged(RewindDebugTarget t) {
    }

    private void closeSessionListener() {
        if (sessionListener != null) {
            try {
                sessionListener.close();
            } catch (Exception e) {
                Platform.getLog(RewindView.class).log(Status.warning("closing a session listener", e));
            }
            sessionListener = null;
        }
    }

    protected static void warn(String what, Throwable e) {
        Platform.getLog(RewindView.class).log(Status.warning(what + ": " + e.getMessage(), e));
    }

    protected static Display display() {
        return Display.getDefault();
    }

    @Override
    public void dispose() {
        DebugPlugin.getDefault().removeDebugEventListener(debugEvents);
        DebugUITools.getDebugContextManager().removeDebugContextListener(contextListener);
        closeSessionListener();
        super.dispose();
    }
}
