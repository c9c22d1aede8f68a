package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.BreakpointBook;
import dev.rewind.dap.Breakpoints;
import dev.rewind.dap.DapContext;
import dev.rewind.debug.BreakpointSpec;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.InstructionBreakpoint;
import org.eclipse.lsp4j.debug.SetInstructionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetInstructionBreakpointsResponse;

/** {@code setInstructionBreakpoints}: breakpoints at {@code instructionReference + offset} (from disassembly). */
public final class SetInstructionBreakpointsHandler {

    private final DapContext context;

    public SetInstructionBreakpointsHandler(DapContext context) {
        this.context = context;
    }

    public SetInstructionBreakpointsResponse handle(SetInstructionBreakpointsArguments args) {
        context.session();
        List<BreakpointSpec> specs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        InstructionBreakpoint[] bps = args.getBreakpoints() == null ? new InstructionBreakpoint[0] : args.getBreakpoints();
        for (InstructionBreakpoint b : bps) {
            try {
                long address = Addresses.parse(b.getInstructionReference(), "instructionReference")
                        + (b.getOffset() == null ? 0 : b.getOffset());
                specs.add(BreakpointSpec.instruction(address).withCondition(b.getCondition())
                        .withHitCondition(b.getHitCondition()));
                errors.add(null);
            } catch (IllegalArgumentException e) {
                specs.add(null);
                errors.add(e.getMessage());
            }
        }
        SetInstructionBreakpointsResponse r = new SetInstructionBreakpointsResponse();
        r.setBreakpoints(Breakpoints.replace(context, BreakpointBook.Kind.INSTRUCTION, null, specs, errors)
                .toArray(new org.eclipse.lsp4j.debug.Breakpoint[0]));
        return r;
    }
}
