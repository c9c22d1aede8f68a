package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;

/** {@code initialize}: remembers what the client supports and answers with what this adapter really does. */
public final class InitializeHandler {

    /** Exception breakpoint filters: guest traps. */
    public static final String FILTER_EXCEPTIONS = "exceptions";
    public static final String FILTER_INTERRUPTS = "interrupts";

    private final DapContext context;

    public InitializeHandler(DapContext context) {
        this.context = context;
    }

    public Capabilities handle(InitializeRequestArguments args) {
        context.clientInfo(args);
        // initialized goes out right after this response (the connection's outgoing stream sees to it)
        context.afterResponse("initialize", () -> context.client().initialized());
        Capabilities c = new Capabilities();
        c.setSupportsConfigurationDoneRequest(true);
        c.setSupportsStepBack(true);
        c.setSupportsDataBreakpoints(true);
        c.setSupportsDisassembleRequest(true);
        c.setSupportsReadMemoryRequest(true);
        c.setSupportsWriteMemoryRequest(true);
        c.setSupportsConditionalBreakpoints(true);
        c.setSupportsHitConditionalBreakpoints(true);
        c.setSupportsLogPoints(true);
        c.setSupportsFunctionBreakpoints(true);
        c.setSupportsInstructionBreakpoints(true);
        c.setSupportsSteppingGranularity(true);
        c.setSupportsSetVariable(true);
        c.setSupportsEvaluateForHovers(true);
        c.setSupportsExceptionInfoRequest(true);
        c.setSupportsTerminateRequest(true);
        c.setSupportTerminateDebuggee(true);
        c.setSupportsGotoTargetsRequest(true);
        c.setSupportsSingleThreadExecutionRequests(false);
        c.setExceptionBreakpointFilters(new ExceptionBreakpointsFilter[] {
            filter(FILTER_EXCEPTIONS, "Guest exceptions", "Stop when a hart takes a synchronous trap", false),
            filter(FILTER_INTERRUPTS, "Guest interrupts", "Stop when a hart takes an interrupt", false)
        });
        return c;
    }

    private static ExceptionBreakpointsFilter filter(String id, String label, String description, boolean on) {
        ExceptionBreakpointsFilter f = new ExceptionBreakpointsFilter();
        f.setFilter(id);
        f.setLabel(label);
        f.setDescription(description);
        f.setDefault_(on);
        return f;
    }
}
