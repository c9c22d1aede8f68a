package dev.rewind.eclipse.ui;

import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.core.model.RewindStackFrame;
import dev.rewind.eclipse.core.model.RewindThread;
import java.util.Optional;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.ui.DebugUITools;

/** The Rewind element the user works with: the Debug view's selection, else the newest live Rewind target. */
public final class RewindContext {

    private RewindContext() {
    }

    /** The selected Rewind thread, or the stopping hart's thread of the current target. Never blocks. */
    public static Optional<RewindThread> thread() {
        IAdaptable ctx = DebugUITools.getDebugContext();
        if (ctx instanceof RewindStackFrame f) {
            return Optional.of(f.rewindThread());
        }
        if (ctx instanceof RewindThread t) {
            return Optional.of(t);
        }
        return target().map(t -> t.thread(Math.max(0, Math.min(t.lastStop().hart(), t.session().harts() - 1))));
    }

    /** The selected Rewind target, or the newest one that has not terminated. */
    public static Optional<RewindDebugTarget> target() {
        IAdaptable ctx = DebugUITools.getDebugContext();
        if (ctx instanceof IDebugElement e && e.getDebugTarget() instanceof RewindDebugTarget t && !t.isTerminated()) {
            return Optional.of(t);
        }
        ILaunch[] launches = DebugPlugin.getDefault().getLaunchManager().getLaunches();
        for (int i = launches.length - 1; i >= 0; i--) {
            for (IDebugTarget t : launches[i].getDebugTargets()) {
                if (t instanceof RewindDebugTarget r && !r.isTerminated()) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }
}
