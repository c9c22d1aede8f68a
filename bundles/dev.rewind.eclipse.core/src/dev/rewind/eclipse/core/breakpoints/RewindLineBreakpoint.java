package dev.rewind.eclipse.core.breakpoints;

import dev.rewind.debug.BreakpointSpec;
import dev.rewind.eclipse.core.RewindDebug;
import dev.rewind.symbols.Symbols;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.LineBreakpoint;

/** A breakpoint on a line of a C, C++ or assembly file, with a condition and a hit condition. */
public final class RewindLineBreakpoint extends LineBreakpoint implements RewindBreakpoint {

    /** For the breakpoint manager, which restores breakpoints from their markers. */
    public RewindLineBreakpoint() {
    }

    /** A new enabled breakpoint on {@code file:line} (not yet added to the breakpoint manager). */
    public RewindLineBreakpoint(IResource resource, String file, int line) throws CoreException {
        Map<String, Object> a = new HashMap<>();
        a.put(IBreakpoint.ID, RewindDebug.MODEL_ID);
        a.put(IBreakpoint.ENABLED, Boolean.TRUE);
        a.put(IMarker.LINE_NUMBER, line);
        a.put(FILE, file);
        a.put(IMarker.MESSAGE, "Rewind line breakpoint: " + Path.of(file).getFileName() + " [line: " + line + "]");
        RewindBreakpoint.create(this, resource, RewindDebug.LINE_MARKER, a, this::setMarker);
    }

    @Override
    public String getModelIdentifier() {
        return RewindDebug.MODEL_ID;
    }

    public String file() {
        return getMarker().getAttribute(FILE, "");
    }

    public int line() {
        return getMarker().getAttribute(IMarker.LINE_NUMBER, 0);
    }

    @Override
    public BreakpointSpec spec(Symbols symbols) {
        return withOptions(BreakpointSpec.line(file(), line()));
    }
}
