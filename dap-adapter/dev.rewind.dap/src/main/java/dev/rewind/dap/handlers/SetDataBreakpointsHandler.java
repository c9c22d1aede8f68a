package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.BreakpointBook;
import dev.rewind.dap.Breakpoints;
import dev.rewind.dap.DapContext;
import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.Stop;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.DataBreakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;
import org.eclipse.lsp4j.debug.SetDataBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetDataBreakpointsResponse;

/**
 * {@code setDataBreakpoints}: watchpoints on the data ids of dataBreakpointInfo ({@code 0xADDRESS:LENGTH}); one
 * that finds no hardware trigger left comes back unverified with the session's message.
 */
public final class SetDataBreakpointsHandler {

    private final DapContext context;

    public SetDataBreakpointsHandler(DapContext context) {
        this.context = context;
    }

    public SetDataBreakpointsResponse handle(SetDataBreakpointsArguments args) {
        context.session();
        List<BreakpointSpec> specs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        DataBreakpoint[] bps = args.getBreakpoints() == null ? new DataBreakpoint[0] : args.getBreakpoints();
        for (DataBreakpoint b : bps) {
            try {
                String[] parts = b.getDataId() == null ? new String[0] : b.getDataId().split(":");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("data id '" + b.getDataId() + "' is not 0xADDRESS:LENGTH");
                }
                long address = Addresses.parse(parts[0], "data address");
                long length = Addresses.parse(parts[1], "data length");
                if (length < 1 || length > 4096) {
                    throw new IllegalArgumentException("data length " + length + " is outside 1..4096");
                }
                specs.add(BreakpointSpec.watch(address, length, access(b.getAccessType()))
                        .withCondition(b.getCondition()).withHitCondition(b.getHitCondition()));
                errors.add(null);
            } catch (IllegalArgumentException e) {
                specs.add(null);
                errors.add(e.getMessage());
            }
        }
        SetDataBreakpointsResponse r = new SetDataBreakpointsResponse();
        r.setBreakpoints(Breakpoints.replace(context, BreakpointBook.Kind.DATA, null, specs, errors)
                .toArray(new org.eclipse.lsp4j.debug.Breakpoint[0]));
        return r;
    }

    static Stop.Access access(DataBreakpointAccessType t) {
        if (t == null) {
            return Stop.Access.WRITE;
        }
        return switch (t) {
            case READ -> Stop.Access.READ;
            case WRITE -> Stop.Access.WRITE;
            case READ_WRITE -> Stop.Access.READ_WRITE;
        };
    }
}
