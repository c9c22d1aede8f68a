package dev.rewind.dap.handlers;

import dev.rewind.dap.BreakpointBook;
import dev.rewind.dap.Breakpoints;
import dev.rewind.dap.DapContext;
import dev.rewind.debug.BreakpointSpec;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsResponse;

/** {@code setFunctionBreakpoints}: breakpoints at functions by name (ELF/DWARF symbols of the program). */
public final class SetFunctionBreakpointsHandler {

    private final DapContext context;

    public SetFunctionBreakpointsHandler(DapContext context) {
        this.context = context;
    }

    public SetFunctionBreakpointsResponse handle(SetFunctionBreakpointsArguments args) {
        context.session();
        List<BreakpointSpec> specs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        FunctionBreakpoint[] bps = args.getBreakpoints() == null ? new FunctionBreakpoint[0] : args.getBreakpoints();
        for (FunctionBreakpoint b : bps) {
            String name = b.getName() == null ? "" : b.getName().trim();
            if (name.isEmpty()) {
                specs.add(null);
                errors.add("a function breakpoint needs a function name");
                continue;
            }
            // after the prologue (DWARF), else at the ELF symbol's entry
            java.util.Optional<Long> address = context.source() != null
                    ? context.source().symbols().breakpointAddress(name, true)
                    : context.symbols().function(name).map(f -> f.value());
            BreakpointSpec spec = address.map(BreakpointSpec::instruction).orElse(BreakpointSpec.function(name));
            specs.add(spec.withCondition(b.getCondition()).withHitCondition(b.getHitCondition()));
            errors.add(null);
        }
        SetFunctionBreakpointsResponse r = new SetFunctionBreakpointsResponse();
        r.setBreakpoints(Breakpoints.replace(context, BreakpointBook.Kind.FUNCTION, null, specs, errors)
                .toArray(new org.eclipse.lsp4j.debug.Breakpoint[0]));
        return r;
    }
}
