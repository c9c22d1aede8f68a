package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.VariableContainer;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SetVariableResponse;
import org.eclipse.lsp4j.debug.Variable;

/** {@code setVariable}: writes a register (or, with symbols, a variable) and answers with the value read back. */
public final class SetVariableHandler {

    private final DapContext context;

    public SetVariableHandler(DapContext context) {
        this.context = context;
    }

    public SetVariableResponse handle(SetVariableArguments args) {
        context.stoppedSession();
        VariableContainer c = VariablesHandler.container(context, args.getVariablesReference());
        Variable v = c.set(context, args.getName(), args.getValue());
        SetVariableResponse r = new SetVariableResponse();
        r.setValue(v.getValue());
        r.setType(v.getType());
        r.setVariablesReference(v.getVariablesReference());
        r.setMemoryReference(v.getMemoryReference());
        return r;
    }
}
