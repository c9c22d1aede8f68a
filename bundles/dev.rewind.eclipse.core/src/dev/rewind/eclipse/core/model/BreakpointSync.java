package dev.rewind.eclipse.core.model;

import dev.rewind.debug.Breakpoint;
import dev.rewind.debug.BreakpointSpec;
import dev.rewind.eclipse.core.RewindDebug;
import dev.rewind.eclipse.core.breakpoints.RewindBreakpoint;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.model.IBreakpoint;

/**
 * Keeps the session's breakpoints in step with the enabled Rewind breakpoints of the breakpoint manager; knows which
 * Eclipse breakpoint a session breakpoint id stands for (to show which one a hart hit).
 */
public final class BreakpointSync {

    private final RewindDebugTarget target;
    private final Map<IBreakpoint, CompletableFuture<Integer>> installed = new ConcurrentHashMap<>();
    private final Map<Integer, IBreakpoint> byId = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> hits = new ConcurrentHashMap<>();
    private final Map<IBreakpoint, BreakpointSpec> specs = new ConcurrentHashMap<>();

    BreakpointSync(RewindDebugTarget target) {
        this.target = target;
    }

    private static IBreakpointManager manager() {
        return DebugPlugin.getDefault().getBreakpointManager();
    }

    void start() {
        manager().addBreakpointListener(target);
        for (IBreakpoint b : manager().getBreakpoints(RewindDebug.MODEL_ID)) {
            added(b);
        }
    }

    void stop() {
        manager().removeBreakpointListener(target);
    }

    /** Installed and acknowledged by the session: completes with the session's breakpoint id. */
    public CompletableFuture<Integer> installation(IBreakpoint b) {
        CompletableFuture<Integer> f = installed.get(b);
        return f == null ? CompletableFuture.failedFuture(new IllegalStateException("not installed: " + b)) : f;
    }

    /** Whether the session has the breakpoint (installed and acknowledged). */
    public boolean installed(IBreakpoint b) {
        CompletableFuture<Integer> f = installed.get(b);
        return f != null && f.isDone() && !f.isCompletedExceptionally();
    }

    /** How often the session counted a hit of this breakpoint (0 when unknown). */
    public int hits(IBreakpoint b) {
        CompletableFuture<Integer> f = installed.get(b);
        Integer id = f == null ? null : f.getNow(null);
        return id == null ? 0 : hits.getOrDefault(id, 0);
    }

    IBreakpoint breakpointOf(int id) {
        return id == 0 ? null : byId.get(id);
    }

    void added(IBreakpoint b) {
        if (!(b instanceof RewindBreakpoint rb) || !target.supportsBreakpoint(b) || installed.containsKey(b)) {
            return;
        }
        try {
            if (!b.isEnabled()) {
                return;
            }
            BreakpointSpec spec = rb.spec(target.symbols());
            specs.put(b, spec);
            CompletableFuture<Integer> f = target.session().addBreakpoint(spec).thenApply(bp -> {
                byId.put(bp.id(), b);
                return bp.id();
            });
            installed.put(b, f);
            f.exceptionally(e -> {
                log("breakpoint " + b.getMarker().getAttribute("message", "") + " not installed", e);
                installed.remove(b, f);
                return null;
            });
        } catch (CoreException e) {
            log("breakpoint not installed", e);
        }
    }

    void removed(IBreakpoint b) {
        specs.remove(b);
        CompletableFuture<Integer> f = installed.remove(b);
        if (f != null) {
            f.thenAccept(id -> {
                byId.remove(id);
                target.session().removeBreakpoint(id);
            });
        }
    }

    /** Reinstalls a breakpoint whose request changed (place, condition, hits) or that was enabled or disabled. */
    void changed(IBreakpoint b) {
        try {
            boolean enabled = b.isEnabled();
            BreakpointSpec now = b instanceof RewindBreakpoint rb && enabled ? rb.spec(target.symbols()) : null;
            if (enabled && installed.containsKey(b) && now != null && now.equals(specs.get(b))) {
                return; // a marker attribute that does not change the request (registration, message)
            }
        } catch (CoreException e) {
            log("breakpoint changed", e);
        }
        removed(b);
        added(b);
    }

    /** The session changed a breakpoint (hit count, resolution, removal by another front end). */
    void changed(Breakpoint bp, boolean removed) {
        if (removed) {
            hits.remove(bp.id());
        } else {
            hits.put(bp.id(), bp.hits());
        }
    }

    private static void log(String message, Throwable e) {
        Platform.getLog(BreakpointSync.class).log(Status.warning(message + ": " + e.getMessage(), e));
    }
}
