package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.debug.Stop;
import dev.rewind.debug.StopReason;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionDetails;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;

/** {@code exceptionInfo}: the trap a hart stopped at (mcause, mtval). */
public final class ExceptionInfoHandler {

    private final DapContext context;

    public ExceptionInfoHandler(DapContext context) {
        this.context = context;
    }

    public ExceptionInfoResponse handle(ExceptionInfoArguments args) {
        int hart = context.hart(args.getThreadId());
        Stop stop = context.stoppedSession().lastStop();
        if (stop.reason() != StopReason.TRAP || stop.hart() != hart) {
            throw DapErrors.wrongState("hart " + hart + " did not stop at a trap");
        }
        boolean interrupt = stop.trapCause() < 0;
        long code = stop.trapCause() & Long.MAX_VALUE;
        ExceptionInfoResponse r = new ExceptionInfoResponse();
        r.setExceptionId((interrupt ? "interrupt " : "exception ") + code);
        r.setDescription(TrapNames.describe(interrupt, code) + " (mcause " + Addresses.hex(stop.trapCause())
                + ", mtval " + Addresses.hex(stop.trapValue()) + ") at " + Addresses.hex(stop.pc()));
        r.setBreakMode(ExceptionBreakMode.ALWAYS);
        ExceptionDetails d = new ExceptionDetails();
        d.setMessage(stop.description());
        d.setTypeName(interrupt ? "interrupt" : "exception");
        r.setDetails(d);
        return r;
    }
}
