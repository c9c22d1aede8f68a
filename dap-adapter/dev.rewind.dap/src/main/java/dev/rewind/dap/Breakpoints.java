package dev.rewind.dap;

import dev.rewind.debug.Breakpoint;
import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.DebugSession;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.Source;

/** Shared by the setXxxBreakpoints handlers: replace a set in the session, report each breakpoint in DAP terms. */
public final class Breakpoints {

    private Breakpoints() {
    }

    /**
     * Removes the set's old breakpoints from the session and adds {@code specs} in their place (null entries
     * stand for requests that could not be turned into a spec; {@code errors} says why). A breakpoint the
     * session refuses (e.g. no trigger left) comes back unverified with the session's message.
     */
    public static List<org.eclipse.lsp4j.debug.Breakpoint> replace(DapContext context, BreakpointBook.Kind kind,
            String source, List<BreakpointSpec> specs, List<String> errors) {
        DebugSession session = context.session();
        for (Integer old : context.breakpoints().ids(kind, source)) {
            context.await(session.removeBreakpoint(old));
        }
        List<org.eclipse.lsp4j.debug.Breakpoint> result = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            BreakpointSpec spec = specs.get(i);
            if (spec == null) {
                result.add(unverified(errors.get(i)));
                continue;
            }
            try {
                Breakpoint b = context.await(session.addBreakpoint(spec));
                ids.add(b.id());
                result.add(toDap(context, b));
            } catch (RuntimeException e) {
                result.add(unverified(DapErrors.toResponseError(null, e).getMessage()));
            }
        }
        context.breakpoints().replace(kind, source, ids);
        return result;
    }

    public static org.eclipse.lsp4j.debug.Breakpoint unverified(String message) {
        org.eclipse.lsp4j.debug.Breakpoint b = new org.eclipse.lsp4j.debug.Breakpoint();
        b.setVerified(false);
        b.setMessage(message);
        return b;
    }

    public static org.eclipse.lsp4j.debug.Breakpoint toDap(DapContext context, Breakpoint b) {
        org.eclipse.lsp4j.debug.Breakpoint d = new org.eclipse.lsp4j.debug.Breakpoint();
        d.setId(b.id());
        d.setVerified(b.verified());
        d.setMessage(b.message());
        if (!b.addresses().isEmpty()) {
            d.setInstructionReference(Addresses.hex(b.addresses().get(0)));
        }
        if (b.sourceFile() != null && b.sourceLine() > 0) {
            Source s = Sources.source(context, b.sourceFile());
            d.setSource(s);
            d.setLine(b.sourceLine());
        }
        return d;
    }
}
