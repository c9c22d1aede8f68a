package dev.rewind.eclipse.core.breakpoints;

import dev.rewind.debug.BreakpointSpec;
import dev.rewind.eclipse.core.RewindDebug;
import dev.rewind.symbols.Symbols;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;

/** A breakpoint on an instruction address (from the Disassembly view). */
public final class RewindInstructionBreakpoint extends Breakpoint implements RewindBreakpoint {

    public RewindInstructionBreakpoint() {
    }

    public RewindInstructionBreakpoint(IResource resource, long address) throws CoreException {
        Map<String, Object> a = new HashMap<>();
        a.put(IBreakpoint.ID, RewindDebug.MODEL_ID);
        a.put(IBreakpoint.ENABLED, Boolean.TRUE);
        a.put(ADDRESS, "0x" + Long.toHexString(address));
        a.put(IMarker.MESSAGE, "Rewind instruction breakpoint at 0x" + Long.toHexString(address));
        RewindBreakpoint.create(this, resource, RewindDebug.INSTRUCTION_MARKER, a, this::setMarker);
    }

    @Override
    public String getModelIdentifier() {
        return RewindDebug.MODEL_ID;
    }

    public long address() {
        return Long.parseUnsignedLong(getMarker().getAttribute(ADDRESS, "0x0").substring(2), 16);
    }

    @Override
    public BreakpointSpec spec(Symbols symbols) {
        return withOptions(BreakpointSpec.instruction(address()));
    }
}
