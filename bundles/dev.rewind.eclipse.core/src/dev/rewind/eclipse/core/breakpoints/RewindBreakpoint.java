package dev.rewind.eclipse.core.breakpoints;

import dev.rewind.debug.BreakpointSpec;
import dev.rewind.eclipse.core.RewindDebug;
import dev.rewind.symbols.Symbols;
import java.util.Map;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.Breakpoint;

/**
 * What Rewind's breakpoints share: a condition, a hit condition, and the session request they become. Markers
 * live on the workspace root (the program's sources need not be in the workspace); the file is an attribute.
 */
public interface RewindBreakpoint {

    String CONDITION = RewindDebug.PLUGIN_ID + ".condition";
    String HIT_CONDITION = RewindDebug.PLUGIN_ID + ".hitCondition";
    String FILE = RewindDebug.PLUGIN_ID + ".file";
    String ADDRESS = RewindDebug.PLUGIN_ID + ".address";
    String EXPRESSION = RewindDebug.PLUGIN_ID + ".expression";
    String LENGTH = RewindDebug.PLUGIN_ID + ".length";

    IMarker getMarker();

    /** The session request this breakpoint becomes (symbols resolve names). */
    BreakpointSpec spec(Symbols symbols) throws CoreException;

    default String condition() {
        return getMarker().getAttribute(CONDITION, null);
    }

    default String hitCondition() {
        return getMarker().getAttribute(HIT_CONDITION, null);
    }

    default void setCondition(String condition) throws CoreException {
        getMarker().setAttribute(CONDITION, condition);
    }

    default void setHitCondition(String hits) throws CoreException {
        getMarker().setAttribute(HIT_CONDITION, hits);
    }

    default BreakpointSpec withOptions(BreakpointSpec spec) {
        return spec.withCondition(condition()).withHitCondition(hitCondition());
    }

    /** Takes a new marker (a breakpoint's {@code setMarker}). */
    @FunctionalInterface
    interface MarkerSink {
        void set(IMarker marker) throws CoreException;
    }

    /** Creates the marker of a new breakpoint in one workspace operation. */
    static void create(Breakpoint bp, IResource resource, String type, Map<String, Object> attributes,
            MarkerSink setMarker) throws CoreException {
        resource.getWorkspace().run(monitor -> {
            IMarker marker = resource.createMarker(type, attributes);
            setMarker.set(marker);
        }, resource.getWorkspace().getRuleFactory().markerRule(resource), 0, null);
    }
}
