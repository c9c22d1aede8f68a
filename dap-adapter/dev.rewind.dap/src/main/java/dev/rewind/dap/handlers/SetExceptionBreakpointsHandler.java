package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import java.util.List;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsResponse;

/** {@code setExceptionBreakpoints}: stop at guest traps (filters {@code exceptions}, {@code interrupts}). */
public final class SetExceptionBreakpointsHandler {

    private final DapContext context;

    public SetExceptionBreakpointsHandler(DapContext context) {
        this.context = context;
    }

    public SetExceptionBreakpointsResponse handle(SetExceptionBreakpointsArguments args) {
        List<String> filters = args.getFilters() == null ? List.of() : List.of(args.getFilters());
        for (String f : filters) {
            if (!f.equals(InitializeHandler.FILTER_EXCEPTIONS) && !f.equals(InitializeHandler.FILTER_INTERRUPTS)) {
                throw new IllegalArgumentException("unknown exception filter '" + f + "' (exceptions, interrupts)");
            }
        }
        context.await(context.session().setTrapStops(filters.contains(InitializeHandler.FILTER_EXCEPTIONS),
                filters.contains(InitializeHandler.FILTER_INTERRUPTS)));
        return new SetExceptionBreakpointsResponse();
    }
}
