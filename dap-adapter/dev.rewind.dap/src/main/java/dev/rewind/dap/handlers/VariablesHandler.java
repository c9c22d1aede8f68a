package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.VariableContainer;
import java.util.List;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesResponse;

/** {@code variables}: the children of a scope or a structured value, paged with start/count. */
public final class VariablesHandler {

    private final DapContext context;

    public VariablesHandler(DapContext context) {
        this.context = context;
    }

    public VariablesResponse handle(VariablesArguments args) {
        context.stoppedSession();
        VariableContainer c = container(context, args.getVariablesReference());
        String key = key(args.getVariablesReference());
        @SuppressWarnings("unchecked")
        List<Variable> all = context.handles().answer(key, List.class);
        if (all == null) {
            long generation = context.handles().generation();
            int hart = c.inspectedHart();
            all = List.copyOf(hart < 0 ? c.variables(context) : context.inspecting(hart, () -> c.variables(context)));
            context.handles().keep(key, generation, all);
        }
        int start = args.getStart() == null ? 0 : Math.max(0, Math.min(all.size(), args.getStart()));
        int count = args.getCount() == null || args.getCount() <= 0 ? all.size() - start
                : Math.min(args.getCount(), all.size() - start);
        VariablesResponse r = new VariablesResponse();
        r.setVariables(all.subList(start, start + count).toArray(new Variable[0]));
        return r;
    }

    /** The key of a container's variables among the answers kept at a stop. */
    public static String key(int reference) {
        return "variables " + reference;
    }

    static VariableContainer container(DapContext context, int reference) {
        VariableContainer c = context.handles().get(reference, VariableContainer.class);
        if (c == null) {
            throw DapErrors.badRequest("unknown variablesReference " + reference
                    + " (references are valid until the machine moves)");
        }
        return c;
    }
}
