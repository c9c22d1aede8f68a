package dev.rewind.eclipse.core.breakpoints;

import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.Stop;
import dev.rewind.eclipse.core.Futures;
import dev.rewind.eclipse.core.RewindDebug;
import dev.rewind.symbols.Symbols;
import dev.rewind.symbols.elf.ElfSymbol;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IWatchpoint;

/** A watchpoint on a global variable (by its ELF symbol: address and size), on writes and/or reads. */
public final class RewindWatchpoint extends Breakpoint implements RewindBreakpoint, IWatchpoint {

    static final String ACCESS = RewindDebug.PLUGIN_ID + ".access";
    static final String MODIFICATION = RewindDebug.PLUGIN_ID + ".modification";

    public RewindWatchpoint() {
    }

    public RewindWatchpoint(IResource resource, String global, boolean read, boolean write) throws CoreException {
        Map<String, Object> a = new HashMap<>();
        a.put(IBreakpoint.ID, RewindDebug.MODEL_ID);
        a.put(IBreakpoint.ENABLED, Boolean.TRUE);
        a.put(EXPRESSION, global);
        a.put(ACCESS, read);
        a.put(MODIFICATION, write);
        a.put(IMarker.MESSAGE, "Rewind watchpoint: " + global + (read ? " [read]" : "") + (write ? " [write]" : ""));
        RewindBreakpoint.create(this, resource, RewindDebug.WATCH_MARKER, a, this::setMarker);
    }

    @Override
    public String getModelIdentifier() {
        return RewindDebug.MODEL_ID;
    }

    public String global() {
        return getMarker().getAttribute(EXPRESSION, "");
    }

    @Override
    public BreakpointSpec spec(Symbols symbols) throws CoreException {
        ElfSymbol s = symbols.symbol(global()).orElseThrow(() -> Futures.error("no global '" + global() + "'", null));
        Stop.Access access = isAccess() && isModification() ? Stop.Access.READ_WRITE
                : isAccess() ? Stop.Access.READ : Stop.Access.WRITE;
        return withOptions(BreakpointSpec.watch(s.value(), Math.max(1, s.size()), access));
    }

    @Override public boolean isAccess() throws CoreException { return getMarker().getAttribute(ACCESS, false); }
    @Override public void setAccess(boolean a) throws CoreException { getMarker().setAttribute(ACCESS, a); }
    @Override public boolean isModification() throws CoreException { return getMarker().getAttribute(MODIFICATION, true); }
    @Override public void setModification(boolean m) throws CoreException { getMarker().setAttribute(MODIFICATION, m); }
    @Override public boolean supportsAccess() { return true; }
    @Override public boolean supportsModification() { return true; }
}
